package dev.gilsim.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    /** A small picture with flat areas, anti-aliased edges and an odd width, like a chart. */
    private static BufferedImage picture(int type) {
        BufferedImage img = new BufferedImage(37, 23, type);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 37, 23);
        g.setColor(new Color(31, 119, 180));
        g.drawLine(0, 22, 36, 3);
        g.setColor(Color.BLACK);
        g.fillOval(10, 5, 9, 7);
        g.dispose();
        return img;
    }

    private static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(img, out);
        return out.toByteArray();
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anOpaquePictureReadsBackPixelForPixel() throws IOException {
        BufferedImage img = picture(BufferedImage.TYPE_INT_ARGB);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(encode(img)));
        assertSamePixels(img, back);
        assertEquals(false, back.getColorModel().hasAlpha(), "an opaque picture is written as RGB");
    }

    @Test
    void translucentPixelsKeepTheirAlpha() throws IOException {
        BufferedImage img = picture(BufferedImage.TYPE_INT_ARGB);
        img.setRGB(3, 4, 0x80ff0000);
        img.setRGB(0, 0, 0x00000000);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(encode(img)));
        assertSamePixels(img, back);
    }

    @Test
    void picturesOfOtherTypesAreReadThroughTheirColourModel() throws IOException {
        BufferedImage img = picture(BufferedImage.TYPE_3BYTE_BGR);
        assertSamePixels(img, ImageIO.read(new ByteArrayInputStream(encode(img))));
        BufferedImage rgb = picture(BufferedImage.TYPE_INT_RGB);
        assertSamePixels(rgb, ImageIO.read(new ByteArrayInputStream(encode(rgb))));
    }

    @Test
    void theSamePictureGivesTheSameBytes() throws IOException {
        assertArrayEquals(encode(picture(BufferedImage.TYPE_INT_ARGB)), encode(picture(BufferedImage.TYPE_INT_ARGB)));
    }

    /**
     * The encoder skips rows equal to the one above and pixels equal to the one above; the
     * filtered bytes must still be those of filtering every byte of every row with "up", as the
     * plain loop below does. The picture has repeated rows, black rows and a translucent pixel.
     */
    @Test
    void rowsAreFilteredAsFilteringEveryByteWould() throws IOException {
        for (boolean translucent : new boolean[] {false, true}) {
            BufferedImage img = picture(BufferedImage.TYPE_INT_ARGB);
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, 20, 0xff000000);
                img.setRGB(x, 21, 0xff000000);
            }
            if (translucent) {
                img.setRGB(3, 4, 0x80ff0000);
            }
            assertArrayEquals(filteredEveryByte(img, translucent ? 4 : 3), imageData(encode(img)));
        }
    }

    /**
     * The same on pictures drawn at random like a chart: flat rows, rows repeated, and rows that
     * differ from the one above in a few runs of pixels anywhere (the first, the last) within a
     * window that moves from row to row, in every
     * raster type the encoder reads directly, translucent or not.
     */
    @Test
    void randomChartLikePicturesAreFilteredAsFilteringEveryByteWould() throws IOException {
        java.util.Random random = new java.util.Random(11);
        int[] types = {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR};
        for (int round = 0; round < 300; round++) {
            int type = types[round % types.length];
            BufferedImage img = new BufferedImage(1 + random.nextInt(40), 1 + random.nextInt(30), type);
            int[] colours = {0xffffffff, 0xff000000, 0xff1f77b4, 0xfffefefe, 0x80ff0000};
            int background = colours[random.nextInt(3)];
            for (int y = 0; y < img.getHeight(); y++) {
                boolean repeat = random.nextInt(3) == 0;
                // Changes within a window of the row, so the span changed moves and shrinks from row to row.
                int from = random.nextInt(img.getWidth());
                int to = from + 1 + random.nextInt(img.getWidth() - from);
                for (int x = 0; x < img.getWidth(); x++) {
                    boolean keep = y > 0 && (repeat || x < from || x >= to || random.nextInt(8) > 0);
                    img.setRGB(x, y, keep ? img.getRGB(x, y - 1) : random.nextInt(6) == 0
                            ? colours[random.nextInt(type == BufferedImage.TYPE_INT_ARGB ? 5 : 4)] : background);
                }
            }
            boolean translucent = type == BufferedImage.TYPE_INT_ARGB && hasTranslucentPixel(img);
            assertArrayEquals(filteredEveryByte(img, translucent ? 4 : 3), imageData(encode(img)), "round " + round);
        }
    }

    private static boolean hasTranslucentPixel(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) >>> 24 != 0xff) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] filteredEveryByte(BufferedImage img, int channels) {
        int rowBytes = img.getWidth() * channels;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] previous = new byte[rowBytes];
        for (int y = 0; y < img.getHeight(); y++) {
            byte[] row = new byte[rowBytes];
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int[] c = {p >>> 16, p >>> 8, p, p >>> 24};
                for (int k = 0; k < channels; k++) {
                    row[x * channels + k] = (byte) c[k];
                }
            }
            byte[] up = new byte[rowBytes];
            for (int b = 0; b < rowBytes; b++) {
                up[b] = (byte) (row[b] - previous[b]);
            }
            out.write(2);
            out.writeBytes(up);
            previous = row;
        }
        return out.toByteArray();
    }

    /** The inflated IDAT chunk of a PNG with one. */
    private static byte[] imageData(byte[] png) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(png, 8, png.length - 8);
        while (b.hasRemaining()) {
            int length = b.getInt();
            String type = new String(png, b.position(), 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                try (java.util.zip.InflaterInputStream in = new java.util.zip.InflaterInputStream(
                        new ByteArrayInputStream(png, b.position() + 4, length))) {
                    return in.readAllBytes();
                }
            }
            b.position(b.position() + 4 + length + 4);
        }
        throw new AssertionError("no IDAT");
    }
}
