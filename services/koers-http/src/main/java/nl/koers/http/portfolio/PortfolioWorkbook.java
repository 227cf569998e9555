package nl.koers.http.portfolio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.koers.api.kpi.Direction;
import nl.koers.api.kpi.Lever;
import nl.koers.input.Expectations;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A portfolio document as an XLSX workbook: the sheets Programmes, Objectives, KPIs, Milestones and Evaluations, each
 * with a header row of field names (any order, any case) and one item per row; the rows of the other sheets name their
 * programme in {@code programmeId}. Dates are date cells (or text like 2026-03-01), decimals number cells (or text).
 * The columns of enumerations carry their allowed values as data validation lists.
 */
final class PortfolioWorkbook {

    static final String PROGRAMMES = "Programmes";
    static final String OBJECTIVES = "Objectives";
    static final String KPIS = "KPIs";
    static final String MILESTONES = "Milestones";
    static final String EVALUATIONS = "Evaluations";
    static final String PROGRAMME_ID = "programmeId";
    /** Rows of a sheet that the validation lists cover; Excel's own limit is far above any portfolio. */
    private static final int VALIDATED_ROWS = 10_000;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    /** A sheet: its columns in the order they are written, the record a row becomes, and its enumerations. */
    private record Layout(String sheet, List<String> columns, Class<? extends Record> rowType,
                          Map<String, Class<? extends Enum<?>>> lists) {
    }

    private static final Layout PROGRAMME_LAYOUT = new Layout(PROGRAMMES,
            List.of("id", "name", "description", "owner", "startDate", "plannedEndDate"),
            PortfolioDocument.Programme.class, Map.of());
    private static final Layout OBJECTIVE_LAYOUT = new Layout(OBJECTIVES, List.of(PROGRAMME_ID, "id", "statement"),
            PortfolioDocument.Objective.class, Map.of());
    private static final Layout KPI_LAYOUT = new Layout(KPIS, List.of(PROGRAMME_ID, "id", "name", "unit", "direction",
            "baseline", "baselineDate", "target", "targetDate", "tolerance", "cadence", "objectiveId", "lever", "reason"),
            PortfolioDocument.Kpi.class, Map.of("direction", Direction.class, "lever", Lever.class));
    private static final Layout MILESTONE_LAYOUT = new Layout(MILESTONES, List.of(PROGRAMME_ID, "id", "title", "dueDate",
            "startDate", "reason", "approvedBy"), PortfolioDocument.Milestone.class, Map.of());
    private static final Layout EVALUATION_LAYOUT = new Layout(EVALUATIONS, List.of(PROGRAMME_ID, "id", "title",
            "scheduledFor"), PortfolioDocument.Evaluation.class, Map.of());
    private static final List<Layout> LAYOUTS = List.of(PROGRAMME_LAYOUT, OBJECTIVE_LAYOUT, KPI_LAYOUT, MILESTONE_LAYOUT,
            EVALUATION_LAYOUT);

    private PortfolioWorkbook() {
    }

    static boolean looksLikeOne(byte[] body) {
        return body.length >= ZIP_MAGIC.length && Arrays.equals(body, 0, ZIP_MAGIC.length, ZIP_MAGIC, 0, ZIP_MAGIC.length);
    }

    static byte[] write(PortfolioDocument document) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Map<Layout, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            LAYOUTS.forEach(layout -> rows.put(layout, new ArrayList<>()));
            for (PortfolioDocument.Programme programme : document.programmes()) {
                rows.get(PROGRAMME_LAYOUT).add(fields(programme, null));
                programme.objectives().forEach(o -> rows.get(OBJECTIVE_LAYOUT).add(fields(o, programme.id())));
                programme.kpis().forEach(k -> rows.get(KPI_LAYOUT).add(fields(k, programme.id())));
                programme.milestones().forEach(m -> rows.get(MILESTONE_LAYOUT).add(fields(m, programme.id())));
                programme.evaluations().forEach(e -> rows.get(EVALUATION_LAYOUT).add(fields(e, programme.id())));
            }
            rows.forEach((layout, values) -> sheet(workbook, styles, layout, values));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortfolioDocument read(byte[] body) throws UnreadableDocument, UnexpectedContent {
        if (!looksLikeOne(body)) {
            throw new UnexpectedContent("The file is not an XLSX workbook.");
        }
        try (Workbook workbook = open(body)) {
            Map<String, PortfolioDocument.Programme> programmes = new LinkedHashMap<>();
            Map<String, Parts> parts = new HashMap<>();
            for (Read<PortfolioDocument.Programme> row : rows(workbook, PROGRAMME_LAYOUT, PortfolioDocument.Programme.class, true)) {
                programmes.putIfAbsent(row.programmeId(), row.value());
                parts.putIfAbsent(row.programmeId(), new Parts());
            }
            for (Read<PortfolioDocument.Objective> row : rows(workbook, OBJECTIVE_LAYOUT, PortfolioDocument.Objective.class, false)) {
                partsOf(parts, row).objectives.add(row.value());
            }
            for (Read<PortfolioDocument.Kpi> row : rows(workbook, KPI_LAYOUT, PortfolioDocument.Kpi.class, false)) {
                partsOf(parts, row).kpis.add(row.value());
            }
            for (Read<PortfolioDocument.Milestone> row : rows(workbook, MILESTONE_LAYOUT, PortfolioDocument.Milestone.class, false)) {
                partsOf(parts, row).milestones.add(row.value());
            }
            for (Read<PortfolioDocument.Evaluation> row : rows(workbook, EVALUATION_LAYOUT, PortfolioDocument.Evaluation.class, false)) {
                partsOf(parts, row).evaluations.add(row.value());
            }
            return new PortfolioDocument(programmes.values().stream().map(p -> {
                Parts of = parts.get(p.id());
                return new PortfolioDocument.Programme(p.id(), p.name(), p.description(), p.owner(), p.startDate(),
                        p.plannedEndDate(), of.objectives, of.kpis, of.milestones, of.evaluations);
            }).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of one programme as its rows in the other sheets list them. */
    private static final class Parts {
        final List<PortfolioDocument.Objective> objectives = new ArrayList<>();
        final List<PortfolioDocument.Kpi> kpis = new ArrayList<>();
        final List<PortfolioDocument.Milestone> milestones = new ArrayList<>();
        final List<PortfolioDocument.Evaluation> evaluations = new ArrayList<>();
    }

    /** A row read as {@code value}, with the programme it names and where that name stands. */
    private record Read<T>(T value, String programmeId, String place) {
    }

    private static Parts partsOf(Map<String, Parts> parts, Read<?> row) throws UnreadableDocument {
        Parts of = parts.get(row.programmeId());
        if (of == null) {
            throw new UnreadableDocument(row.place() + ": programme '" + row.programmeId()
                    + "' is not on the " + PROGRAMMES + " sheet.");
        }
        return of;
    }

    private static Workbook open(byte[] body) throws UnexpectedContent {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(body));
        } catch (IOException | RuntimeException e) {
            throw new UnexpectedContent("The file is not an XLSX workbook: it cannot be opened as one.");
        }
    }

    private static <T> List<Read<T>> rows(Workbook workbook, Layout layout, Class<T> type, boolean required)
            throws UnreadableDocument {
        Sheet sheet = sheet(workbook, layout.sheet());
        if (sheet == null) {
            if (required) {
                throw new UnreadableDocument("The workbook has no sheet '" + layout.sheet() + "'.");
            }
            return List.of();
        }
        Map<Integer, String> columns = header(sheet, layout);
        Map<String, Class<?>> types = new HashMap<>();
        Arrays.stream(layout.rowType().getRecordComponents()).forEach(c -> types.put(c.getName(), c.getType()));
        types.put(PROGRAMME_ID, String.class);
        String idColumn = layout == PROGRAMME_LAYOUT ? "id" : PROGRAMME_ID;
        List<Read<T>> read = new ArrayList<>();
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            ObjectNode fields = JsonNodeFactory.instance.objectNode();
            String programmeId = null;
            String programmePlace = null;
            for (Map.Entry<Integer, String> column : columns.entrySet()) {
                Cell cell = row.getCell(column.getKey());
                String place = "Sheet " + layout.sheet() + ", cell " + new CellReference(r, column.getKey()).formatAsString(false);
                JsonNode value = value(cell, types.get(column.getValue()), place, column.getValue());
                if (value == null) {
                    continue;
                }
                if (column.getValue().equals(idColumn)) {
                    programmeId = value.asText();
                    programmePlace = place;
                }
                if (!column.getValue().equals(PROGRAMME_ID)) {
                    fields.set(column.getValue(), value);
                }
            }
            if (fields.isEmpty() && programmeId == null) {
                continue;
            }
            if (programmeId == null) {
                throw new UnreadableDocument("Sheet " + layout.sheet() + ", cell "
                        + new CellReference(r, columnOf(columns, idColumn)).formatAsString(false) + ": '" + idColumn
                        + "' is required.");
            }
            read.add(new Read<>(JSON.convertValue(fields, type), programmeId, programmePlace));
        }
        return read;
    }

    private static Sheet sheet(Workbook workbook, String name) {
        for (Sheet sheet : workbook) {
            if (sheet.getSheetName().equalsIgnoreCase(name)) {
                return sheet;
            }
        }
        return null;
    }

    private static Map<Integer, String> header(Sheet sheet, Layout layout) throws UnreadableDocument {
        Row header = sheet.getRow(sheet.getFirstRowNum());
        Map<String, String> known = new HashMap<>();
        layout.columns().forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        Map<Integer, String> columns = new LinkedHashMap<>();
        if (header != null) {
            for (Cell cell : header) {
                if (cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                String place = "Sheet " + layout.sheet() + ", cell " + new CellReference(cell).formatAsString(false);
                String name = cell.getCellType() == CellType.STRING ? cell.getStringCellValue().trim() : "";
                String column = known.get(name.toLowerCase(Locale.ROOT));
                if (column == null) {
                    throw new UnreadableDocument(place + ": unknown column '" + name + "'; the sheet has the columns "
                            + layout.columns() + ".");
                }
                if (columns.containsValue(column)) {
                    throw new UnreadableDocument(place + ": column '" + column + "' appears twice.");
                }
                columns.put(cell.getColumnIndex(), column);
            }
        }
        String idColumn = layout == PROGRAMME_LAYOUT ? "id" : PROGRAMME_ID;
        if (!columns.containsValue(idColumn)) {
            throw new UnreadableDocument("Sheet " + layout.sheet() + ", row 1: the header has no column '" + idColumn + "'.");
        }
        return columns;
    }

    private static int columnOf(Map<Integer, String> columns, String name) {
        return columns.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst().orElse(0);
    }

    /** The cell as the JSON value its field takes, null when blank; 400 naming the cell when it cannot be one. */
    private static JsonNode value(Cell cell, Class<?> type, String place, String field) throws UnreadableDocument {
        if (cell == null) {
            return null;
        }
        CellType cellType = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        JsonNode value = switch (cellType) {
            case STRING -> cell.getStringCellValue().isBlank() ? null : TextNode.valueOf(cell.getStringCellValue().trim());
            case NUMERIC -> number(cell, type);
            case BOOLEAN -> TextNode.valueOf(String.valueOf(cell.getBooleanCellValue()));
            case BLANK -> null;
            default -> throw new UnreadableDocument(place + ": '" + field + "' holds an error, not a value.");
        };
        if (value == null) {
            return null;
        }
        try {
            JSON.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new UnreadableDocument(place + ": '" + field + "' " + Expectations.of(type) + ".");
        }
        return value;
    }

    private static JsonNode number(Cell cell, Class<?> type) {
        double number = cell.getNumericCellValue();
        if (type == LocalDate.class) {
            return TextNode.valueOf(DateUtil.getLocalDateTime(number).toLocalDate().toString());
        }
        BigDecimal decimal = BigDecimal.valueOf(number).stripTrailingZeros();
        if (type == String.class) {
            return TextNode.valueOf(DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : decimal.toPlainString());
        }
        return DecimalNode.valueOf(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
    }

    private static Map<String, Object> fields(Record row, String programmeId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (programmeId != null) {
            fields.put(PROGRAMME_ID, programmeId);
        }
        for (var component : row.getClass().getRecordComponents()) {
            try {
                fields.put(component.getName(), component.getAccessor().invoke(row));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return fields;
    }

    /** A sheet with its header, its rows, and the allowed values of its enumerations as lists. */
    private static void sheet(Workbook workbook, Styles styles, Layout layout, List<Map<String, Object>> rows) {
        Sheet sheet = workbook.createSheet(layout.sheet());
        Row header = sheet.createRow(0);
        for (int c = 0; c < layout.columns().size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(layout.columns().get(c));
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < layout.columns().size(); c++) {
                Object value = rows.get(r).get(layout.columns().get(c));
                if (value != null) {
                    write(row.createCell(c), value, styles);
                }
            }
        }
        DataValidationHelper validations = sheet.getDataValidationHelper();
        layout.lists().forEach((column, values) -> {
            int c = layout.columns().indexOf(column);
            String[] allowed = Arrays.stream(values.getEnumConstants()).map(Enum::name).toArray(String[]::new);
            DataValidation validation = validations.createValidation(validations.createExplicitListConstraint(allowed),
                    new CellRangeAddressList(1, VALIDATED_ROWS, c, c));
            validation.setShowErrorBox(true);
            validation.createErrorBox(column, column + " " + Expectations.oneOf(values));
            sheet.addValidationData(validation);
        });
        for (int c = 0; c < layout.columns().size(); c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
    }

    private static void write(Cell cell, Object value, Styles styles) {
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof BigDecimal decimal && BigDecimal.valueOf(decimal.doubleValue()).compareTo(decimal) == 0) {
            cell.setCellValue(decimal.doubleValue());
        } else if (value instanceof BigDecimal decimal) {
            // more digits than a spreadsheet's number holds: as text, read back exactly
            cell.setCellValue(decimal.toPlainString());
        } else if (value instanceof Enum<?> constant) {
            cell.setCellValue(constant.name());
        } else {
            cell.setCellValue(value.toString());
        }
    }

    /** The workbook's cell styles, made once: a workbook holds at most 64,000. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle date;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
