package nl.koers.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Where deliveries may go: {@code https} on public addresses only, so a subscription cannot make the service call
 * into its own network (the database, the metadata endpoint of a cloud, an admin page on loopback). With
 * {@code koers.webhooks.allow-private-targets=true} also {@code http} and any address (local receivers, tests).
 * Checked when a subscription is made and again before every attempt, since a name may resolve elsewhere later.
 */
@Component
class Targets {

    private final boolean allowPrivate;

    Targets(WebhookSettings settings) {
        this.allowPrivate = settings.allowPrivateTargets();
    }

    /** Why the URL may not receive deliveries, or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || allowPrivate && scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not hold a user name or password");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("names a host that cannot be resolved");
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    return Optional.of("must be on a public address, not loopback, link-local or a private range");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (address instanceof Inet4Address) {
            return first != 0 && first < 224            // "this network", multicast and reserved
                    && !(first == 100 && second >= 64 && second < 128)   // carrier-grade NAT
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0)   // IETF protocol assignments
                    && !(first == 198 && (second == 18 || second == 19));         // benchmarking
        }
        if (address instanceof Inet6Address) {
            if ((first & 0xfe) == 0xfc) {   // unique local fc00::/7
                return false;
            }
            if (isIpv4Mapped(bytes)) {
                try {
                    return isPublic(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }
}
