package ru.otklik.web.console;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.HashMap;
import java.util.Map;

/**
 * Reduces a screenshot to its 256 most frequent colours, each other colour mapped to the nearest of them,
 * without dithering. UI screenshots are flat areas and anti-aliased text, so this keeps them crisp at a third
 * of the size of a true-colour PNG (Java's default indexed palette dithers flat backgrounds into noise).
 */
final class PaletteImage {

    private PaletteImage() {
    }

    static BufferedImage of(BufferedImage source) {
        int width = source.getWidth();
        int height = source.getHeight();
        int[] pixels = source.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : pixels) {
            counts.merge(p & 0xffffff, 1, Integer::sum);
        }
        int[] palette = counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .limit(256).mapToInt(Map.Entry::getKey).toArray();
        byte[] r = new byte[palette.length];
        byte[] g = new byte[palette.length];
        byte[] b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, palette.length, r, g, b));
        WritableRaster raster = out.getRaster();
        Map<Integer, Integer> nearest = new HashMap<>();
        for (int i = 0; i < pixels.length; i++) {
            int index = nearest.computeIfAbsent(pixels[i] & 0xffffff, c -> closest(c, palette));
            raster.setSample(i % width, i / width, 0, index);
        }
        return out;
    }

    private static int closest(int colour, int[] palette) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.length; i++) {
            int dr = ((colour >> 16) & 0xff) - ((palette[i] >> 16) & 0xff);
            int dg = ((colour >> 8) & 0xff) - ((palette[i] >> 8) & 0xff);
            int db = (colour & 0xff) - (palette[i] & 0xff);
            long distance = 3L * dr * dr + 4L * dg * dg + 2L * db * db;
            if (distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }
}
