package eu.emistreams.query.export;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** What the workbooks of the data packages share: a bold header row, widths in characters. */
final class Workbooks {

    private Workbooks() {
    }

    static CellStyle bold(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    static CellStyle numberFormat(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    static CellStyle wrapped(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        return style;
    }

    /** A row of bold text cells. */
    static Row header(Sheet sheet, int rowIndex, List<String> titles, CellStyle bold) {
        Row row = sheet.createRow(rowIndex);
        for (int column = 0; column < titles.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(titles.get(column));
            cell.setCellStyle(bold);
        }
        return row;
    }

    /** A row of text cells, the first one in {@code firstStyle} when given. */
    static Row text(Sheet sheet, int rowIndex, CellStyle firstStyle, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int column = 0; column < values.length; column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(values[column]);
            if (column == 0 && firstStyle != null) {
                cell.setCellStyle(firstStyle);
            }
        }
        return row;
    }

    /** Sets a column's width in characters (POI counts in 1/256 of a character, at most 255 characters). */
    static void width(Sheet sheet, int column, int characters) {
        sheet.setColumnWidth(column, Math.min(255, Math.max(4, characters)) * 256);
    }

    /**
     * The table of the indicators' units, definitions and sources from {@code rowIndex}, headed
     * by {@code titles}; returns the index of the row after it.
     */
    static int definitions(Sheet sheet, int rowIndex, List<String> titles, Iterable<String> indicators,
            CellStyle bold, CellStyle wrapped) {
        int index = rowIndex;
        header(sheet, index++, titles, bold);
        for (String indicator : indicators) {
            IndicatorDefinitions.Definition definition = IndicatorDefinitions.of(indicator);
            Row row = text(sheet, index++, null, definition.indicator(), definition.unit(), definition.definition(),
                    definition.source());
            row.getCell(2).setCellStyle(wrapped);
        }
        return index;
    }
}
