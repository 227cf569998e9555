package nl.koers.app.persistence;

import java.sql.Types;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * Maps Axon's {@code @Lob byte[]} columns (payloads, metadata, tokens) to {@code bytea} rather than PostgreSQL
 * large objects ({@code oid}), which are stored outside the table and never cleaned up.
 */
public class ByteaTypeContributor implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.getTypeConfiguration().getJdbcTypeRegistry().addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
