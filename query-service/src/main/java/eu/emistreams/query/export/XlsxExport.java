package eu.emistreams.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A data package as an XLSX workbook: the sheet "Indicators" with one row per value (numbers as
 * numeric cells, a bold frozen header), and the sheet "About" with the query, the time of the export
 * and the definitions of the indicators present. Rows are streamed through POI's SXSSF, which keeps
 * only a window of rows in memory.
 */
public final class XlsxExport {

    public static final String DATA_SHEET = "Indicators";
    public static final String ABOUT_SHEET = "About";

    /**
     * How a value is shown, by its unit: money in whole units with thousands separators, percentages
     * and fractional counts with two decimals, ranks and rounds as whole numbers. The cell keeps every digit.
     */
    static String valueFormat(String unit) {
        return switch (unit) {
            case "USD", "EUR" -> "#,##0";
            case "rank (1 = highest)", "rounds" -> "0";
            case "%", "applications (fractional count)" -> "0.00";
            default -> "General";
        };
    }

    private static final int[] WIDTHS = {24, 9, 13, 40, 7, 20, 28, 40, 20};
    private static final int ROWS_IN_MEMORY = 200;

    private XlsxExport() {
    }

    /**
     * @param query the query string of the request, as the About sheet names it
     */
    public static void write(Iterable<ExportRow> rows, String query, Instant exportedAt, OutputStream out) throws IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            CellStyle bold = Workbooks.bold(workbook);
            java.util.Map<String, CellStyle> valueStyles = new java.util.HashMap<>();
            CellStyle year = Workbooks.numberFormat(workbook, "0");
            SXSSFSheet sheet = workbook.createSheet(DATA_SHEET);
            Workbooks.header(sheet, 0, ExportRow.COLUMNS, bold);
            sheet.createFreezePane(0, 1);
            for (int column = 0; column < WIDTHS.length; column++) {
                Workbooks.width(sheet, column, WIDTHS[column]);
            }
            int index = 1;
            SortedSet<String> indicators = new TreeSet<>();
            for (ExportRow exported : rows) {
                Row row = sheet.createRow(index++);
                row.createCell(0).setCellValue(exported.indicator());
                row.createCell(1).setCellValue(exported.country());
                row.createCell(2).setCellValue(exported.code());
                row.createCell(3).setCellValue(exported.codeLabel());
                Cell yearCell = row.createCell(4);
                yearCell.setCellValue(exported.year());
                yearCell.setCellStyle(year);
                Cell valueCell = row.createCell(5);
                valueCell.setCellValue(exported.value());
                valueCell.setCellStyle(valueStyles.computeIfAbsent(exported.unit(),
                        unit -> Workbooks.numberFormat(workbook, valueFormat(unit))));
                row.createCell(6).setCellValue(exported.unit());
                row.createCell(7).setCellValue(exported.sourceReleases());
                row.createCell(8).setCellValue(exported.concordanceVersion());
                indicators.add(exported.indicator());
            }
            if (index > 1) {
                sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, index - 1, 0, ExportRow.COLUMNS.size() - 1));
            }
            about(workbook.createSheet(ABOUT_SHEET), bold, Workbooks.wrapped(workbook), query, exportedAt, index - 1,
                    indicators);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private static void about(Sheet sheet, CellStyle bold, CellStyle wrapped, String query, Instant exportedAt, int rowCount,
            SortedSet<String> indicators) {
        int index = 0;
        Workbooks.text(sheet, index++, bold, "EMI Streams data package: indicators of the European Monitor of Industrial Ecosystems");
        Workbooks.text(sheet, index++, bold, "Query", "GET /api/export" + (query == null || query.isBlank() ? "" : "?" + query));
        Workbooks.text(sheet, index++, bold, "Exported at", exportedAt.toString());
        Workbooks.text(sheet, index++, bold, "Rows", String.valueOf(rowCount));
        Workbooks.text(sheet, index++, bold, "Definitions", "indicators.md, the contract of EMI Streams; year 0 holds a total over years");
        index++;
        Workbooks.definitions(sheet, index, List.of("indicator", "unit", "definition", "source"), indicators, bold,
                wrapped);
        Workbooks.width(sheet, 0, 24);
        Workbooks.width(sheet, 1, 40);
        Workbooks.width(sheet, 2, 90);
        Workbooks.width(sheet, 3, 18);
    }
}
