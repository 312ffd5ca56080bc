package fr.mediance.app.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import fr.mediance.protocol.Totp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The second factor's QR code reads back, with an independent decoder, as the URI an authenticator app needs. */
class QrCodeViewTest {

    @Test
    void theEnrolmentUriReadsBackWholeFromItsCode() throws Exception {
        String uri = Totp.uri(Totp.newSecret(), "bureau");
        assertThat(decode(QrCodeView.modules(uri), 4)).isEqualTo(uri);
    }

    @Test
    void theCodeHasItsQuietZoneAndItsFinderPatterns() {
        boolean[][] m = QrCodeView.modules(Totp.uri(Totp.newSecret(), "admin"));
        int q = QrCodeView.QUIET_ZONE;
        int n = m.length;
        assertThat((n - 2 * q - 17) % 4)
                .as("a QR version's side is 17 + 4 × version")
                .isZero();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < q; k++) {
                assertThat(m[k][i] || m[i][k] || m[n - 1 - k][i] || m[i][n - 1 - k])
                        .as("quiet zone")
                        .isFalse();
            }
        }
        // the three finder patterns: a dark 7×7 ring at the top left, top right and bottom left
        for (int[] corner : new int[][] {{q, q}, {q, n - q - 7}, {n - q - 7, q}}) {
            for (int i = 0; i < 7; i++) {
                assertThat(m[corner[0]][corner[1] + i]).isTrue();
                assertThat(m[corner[0] + 6][corner[1] + i]).isTrue();
                assertThat(m[corner[0] + i][corner[1]]).isTrue();
                assertThat(m[corner[0] + i][corner[1] + 6]).isTrue();
            }
            assertThat(m[corner[0] + 1][corner[1] + 1]).isFalse();
            assertThat(m[corner[0] + 3][corner[1] + 3]).isTrue();
        }
    }

    @Test
    void anEmptyTextDrawsNothing() {
        assertThat(QrCodeView.modules("")).isEmpty();
        assertThat(QrCodeView.modules(null)).isEmpty();
    }

    /** The modules drawn as pixels ({@code scale} per module), read by ZXing's QR decoder. */
    private static String decode(boolean[][] modules, int scale) throws Exception {
        int side = modules.length * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels[y * side + x] = modules[y / scale][x / scale] ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE))
                .getText();
    }
}
