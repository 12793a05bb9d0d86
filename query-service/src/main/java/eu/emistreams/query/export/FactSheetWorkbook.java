package eu.emistreams.query.export;

import eu.emistreams.query.factsheet.DataTable;
import eu.emistreams.query.factsheet.FactSheetAssembler;
import eu.emistreams.query.factsheet.FactSheetView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A fact sheet as an XLSX workbook: one sheet per figure holding the figure's data table exactly as
 * the page shows it (the very {@link DataTable}s of the {@link FactSheetView} the HTML and PDF render),
 * then a sheet of definitions and sources. A cell that reads as a number on the page is a numeric
 * cell with as many decimals shown as the page shows; any other cell ({@code n/a}, labels) is text.
 */
public final class FactSheetWorkbook {

    public static final String DEFINITIONS_SHEET = "Definitions and sources";

    /** The row of a figure sheet that holds the table's headers; its rows follow. */
    public static final int HEADER_ROW = 2;

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private FactSheetWorkbook() {
    }

    public static String sheetName(int figureNumber) {
        return "Figure " + figureNumber;
    }

    public static byte[] render(FactSheetView sheet) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = Workbooks.bold(workbook);
            Map<Integer, CellStyle> decimals = new HashMap<>();
            for (FactSheetView.SectionView section : sheet.sections()) {
                for (FactSheetView.PartView part : section.parts()) {
                    figure(workbook, part.figure(), bold, decimals);
                }
            }
            definitions(workbook.createSheet(DEFINITIONS_SHEET), sheet, bold, Workbooks.wrapped(workbook));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the fact sheet workbook failed", e);
        }
    }

    private static void figure(Workbook workbook, FactSheetView.FigureView figure, CellStyle bold,
            Map<Integer, CellStyle> decimals) {
        Sheet sheet = workbook.createSheet(sheetName(figure.number()));
        Workbooks.text(sheet, 0, bold, figure.title());
        DataTable table = figure.table();
        int index = HEADER_ROW;
        if (!figure.hasChart()) {
            Workbooks.text(sheet, index++, null, figure.noDataMessage());
        } else {
            Workbooks.header(sheet, index++, table.headers(), bold);
            sheet.createFreezePane(1, HEADER_ROW + 1);
            for (List<String> cells : table.rows()) {
                Row row = sheet.createRow(index++);
                for (int column = 0; column < cells.size(); column++) {
                    cell(workbook, row.createCell(column), cells.get(column), column == 0, decimals);
                }
            }
        }
        index++;
        Workbooks.text(sheet, index, null, figure.sourceLine());
        Workbooks.width(sheet, 0, 42);
        for (int column = 1; column < table.headers().size(); column++) {
            Workbooks.width(sheet, column, Math.max(8, table.headers().get(column).length() + 2));
        }
    }

    /** A number of the page as a numeric cell showing the page's decimals; anything else as text. */
    private static void cell(Workbook workbook, Cell cell, String text, boolean label, Map<Integer, CellStyle> decimals) {
        if (label || !NUMBER.matcher(text).matches()) {
            cell.setCellValue(text);
            return;
        }
        BigDecimal number = new BigDecimal(text);
        cell.setCellValue(number.doubleValue());
        int scale = Math.max(0, number.scale());
        cell.setCellStyle(decimals.computeIfAbsent(scale,
                digits -> Workbooks.numberFormat(workbook, digits == 0 ? "0" : "0." + "0".repeat(digits))));
    }

    private static void definitions(Sheet sheet, FactSheetView view, CellStyle bold, CellStyle wrapped) {
        int index = 0;
        Workbooks.text(sheet, index++, bold, "Monitoring industrial ecosystems: " + view.countryName() + " fact sheet");
        Workbooks.text(sheet, index++, bold, "Country", view.country());
        Workbooks.text(sheet, index++, bold, "Generated at", view.generatedAt());
        Workbooks.text(sheet, index++, bold, "Content version", view.version());
        index++;
        Workbooks.header(sheet, index++, List.of("Source", "Content", "In use", "Concordance"), bold);
        for (FactSheetView.DataSourceLine source : view.dataSources()) {
            Workbooks.text(sheet, index++, null, source.name(), source.description(), source.releases(), source.concordance());
        }
        index++;
        Workbooks.header(sheet, index++, List.of("Figure", "Title", "Source"), bold);
        for (FactSheetView.SectionView section : view.sections()) {
            for (FactSheetView.PartView part : section.parts()) {
                FactSheetView.FigureView figure = part.figure();
                Row row = Workbooks.text(sheet, index++, null, sheetName(figure.number()), figure.title(), figure.sourceLine());
                row.getCell(1).setCellStyle(wrapped);
            }
        }
        index++;
        Workbooks.definitions(sheet, index, List.of("Indicator", "Unit", "Definition", "Source"),
                FactSheetAssembler.INDICATORS, bold, wrapped);
        Workbooks.width(sheet, 0, 26);
        Workbooks.width(sheet, 1, 60);
        Workbooks.width(sheet, 2, 80);
        Workbooks.width(sheet, 3, 30);
    }
}
