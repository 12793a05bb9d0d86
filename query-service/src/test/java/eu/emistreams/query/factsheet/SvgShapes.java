package eu.emistreams.query.factsheet;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The shapes and texts of a chart's SVG as Batik writes them (absolute coordinates, no transforms):
 * each shape with its bounding box and its fill and stroke, inherited from its groups' styles.
 */
final class SvgShapes {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    /**
     * One rect, path or line: its kind, box, paints ("none" when not painted) and clip path, which
     * tells the panel of a chart of several panels; {@code startY} is the y of a line's first point.
     */
    record Shape(String kind, double minX, double minY, double maxX, double maxY, String fill, String stroke, String clip,
            double startY) {

        double centerX() {
            return (minX + maxX) / 2;
        }

        double centerY() {
            return (minY + maxY) / 2;
        }
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();

    private SvgShapes() {
    }

    static SvgShapes of(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        SvgShapes result = new SvgShapes();
        NodeList all = root.getElementsByTagNameNS(SVG, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            switch (element.getLocalName()) {
                case "rect" -> {
                    double x = number(element, "x");
                    double y = number(element, "y");
                    result.add(element, "rect", x, y, x + number(element, "width"), y + number(element, "height"), y);
                }
                case "line" -> result.add(element, "line", Math.min(number(element, "x1"), number(element, "x2")),
                        Math.min(number(element, "y1"), number(element, "y2")),
                        Math.max(number(element, "x1"), number(element, "x2")),
                        Math.max(number(element, "y1"), number(element, "y2")), number(element, "y1"));
                case "path" -> {
                    List<Double> coordinates = new ArrayList<>();
                    Matcher matcher = NUMBER.matcher(element.getAttribute("d"));
                    while (matcher.find()) {
                        coordinates.add(Double.parseDouble(matcher.group()));
                    }
                    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
                    for (int c = 0; c + 1 < coordinates.size(); c += 2) {
                        minX = Math.min(minX, coordinates.get(c));
                        maxX = Math.max(maxX, coordinates.get(c));
                        minY = Math.min(minY, coordinates.get(c + 1));
                        maxY = Math.max(maxY, coordinates.get(c + 1));
                    }
                    result.add(element, "path", minX, minY, maxX, maxY, minY);
                }
                case "text" -> result.texts.add(element.getTextContent().strip());
                default -> {
                }
            }
        }
        return result;
    }

    private void add(Element element, String kind, double minX, double minY, double maxX, double maxY, double startY) {
        shapes.add(new Shape(kind, minX, minY, maxX, maxY, paint(element, "fill"), paint(element, "stroke"),
                paint(element, "clip-path"), startY));
    }

    private static double number(Element element, String attribute) {
        String value = element.getAttribute(attribute);
        return value.isEmpty() ? 0 : Double.parseDouble(value);
    }

    /** The nearest style of the element or its groups that sets {@code property}; "none" if none does. */
    private static String paint(Element element, String property) {
        for (Node node = element; node instanceof Element styled; node = node.getParentNode()) {
            for (String declaration : styled.getAttribute("style").split(";")) {
                String[] parts = declaration.split(":", 2);
                if (parts.length == 2 && parts[0].strip().equals(property)) {
                    return parts[1].strip();
                }
            }
            if (styled.hasAttribute(property)) {
                return styled.getAttribute(property);
            }
        }
        return "none";
    }

    /** The shapes filled with {@code rgb}, e.g. "rgb(17,17,17)". */
    List<Shape> filled(String rgb) {
        return shapes.stream().filter(shape -> shape.fill().equals(rgb)).toList();
    }

    /** The line segments stroked with {@code rgb}. */
    List<Shape> lines(String rgb) {
        return shapes.stream().filter(shape -> shape.kind().equals("line") && shape.stroke().equals(rgb)).toList();
    }

    List<String> texts() {
        return texts;
    }

    static String rgb(java.awt.Color colour) {
        return "rgb(" + colour.getRed() + "," + colour.getGreen() + "," + colour.getBlue() + ")";
    }
}
