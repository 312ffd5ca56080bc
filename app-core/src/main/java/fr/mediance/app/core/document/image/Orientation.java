package fr.mediance.app.core.document.image;

/** EXIF orientation (tag 0x0112): turns stored pixels into upright ones. */
final class Orientation {

    private Orientation() {}

    /**
     * @param src packed pixels as stored, w x h
     * @param o   EXIF orientation 1..8: 1 upright, 2 mirrored, 3 upside down, 4 mirrored upside down,
     *            5 transposed, 6 to be turned 90 degrees clockwise, 7 transversed, 8 to be turned 90 degrees
     *            counter-clockwise
     * @return the upright pixels (src itself for 1); w x h, or h x w for 5 to 8
     */
    static int[] apply(int[] src, int w, int h, int o) {
        if (o <= 1 || o > 8) {
            return src;
        }
        int[] out = new int[src.length];
        switch (o) {
            case 2 -> {
                for (int y = 0; y < h; y++) {
                    int r = y * w;
                    for (int x = 0; x < w; x++) {
                        out[r + x] = src[r + w - 1 - x];
                    }
                }
            }
            case 3 -> {
                int n = src.length;
                for (int i = 0; i < n; i++) {
                    out[i] = src[n - 1 - i];
                }
            }
            case 4 -> {
                for (int y = 0; y < h; y++) {
                    System.arraycopy(src, (h - 1 - y) * w, out, y * w, w);
                }
            }
            default -> {
                // output is h wide and w high; output (X, Y) takes stored (x, y):
                // 5: (Y, X)  6: (Y, h-1-X)  7: (w-1-Y, h-1-X)  8: (w-1-Y, X)
                int ow = h;
                for (int y = 0; y < h; y++) {
                    int r = y * w;
                    for (int x = 0; x < w; x++) {
                        int ox;
                        int oy;
                        switch (o) {
                            case 5 -> {
                                ox = y;
                                oy = x;
                            }
                            case 6 -> {
                                ox = h - 1 - y;
                                oy = x;
                            }
                            case 7 -> {
                                ox = h - 1 - y;
                                oy = w - 1 - x;
                            }
                            default -> {
                                ox = y;
                                oy = w - 1 - x;
                            }
                        }
                        out[oy * ow + ox] = src[r + x];
                    }
                }
            }
        }
        return out;
    }
}
