package fr.mediance.app.login;

import io.nayuki.qrcodegen.QrCode;
import javafx.beans.value.ObservableValue;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The QR code of a text (the {@code otpauth://} URI of a second factor being enrolled), drawn black on white with
 * the quiet zone the standard asks for, so that an authenticator app on a phone reads it from the screen. Redrawn
 * when the text changes; nothing drawn for an empty text.
 */
public final class QrCodeView extends Canvas {
    /** Light modules around the code, as ISO/IEC 18004 asks. */
    static final int QUIET_ZONE = 4;

    private final double moduleSize;

    public QrCodeView(ObservableValue<String> text, double moduleSize) {
        this.moduleSize = moduleSize;
        text.addListener((o, before, now) -> draw(now));
        draw(text.getValue());
    }

    /**
     * The modules of the code of {@code text}, quiet zone included ({@code true}: dark), or an empty array for an
     * empty text. Error correction level M (15 %): a screen with a glare or a scratch still reads.
     */
    static boolean[][] modules(String text) {
        if (text == null || text.isEmpty()) {
            return new boolean[0][0];
        }
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int n = code.size + 2 * QUIET_ZONE;
        boolean[][] m = new boolean[n][n];
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                m[y + QUIET_ZONE][x + QUIET_ZONE] = code.getModule(x, y);
            }
        }
        return m;
    }

    private void draw(String text) {
        boolean[][] m = modules(text);
        double side = m.length * moduleSize;
        setWidth(side);
        setHeight(side);
        GraphicsContext g = getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setFill(Color.BLACK);
        for (int y = 0; y < m.length; y++) {
            for (int x = 0; x < m.length; x++) {
                if (m[y][x]) {
                    g.fillRect(x * moduleSize, y * moduleSize, moduleSize, moduleSize);
                }
            }
        }
    }
}
