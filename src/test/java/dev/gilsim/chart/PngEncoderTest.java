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
}
