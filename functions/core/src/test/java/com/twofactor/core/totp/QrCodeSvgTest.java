package com.twofactor.core.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class QrCodeSvgTest {
  private static final String URI =
      "otpauth://totp/Acme:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme";

  @Test
  void dataUri_isABase64SvgDocument() {
    String dataUri = QrCodeSvg.dataUri(URI);

    assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
    String svg =
        new String(
            Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)),
            StandardCharsets.UTF_8);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
  }

  @Test
  void svg_drawsOneSquarePerDarkModule() {
    BitMatrix matrix = QrCodeSvg.matrix(URI);
    int dark = 0;
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        dark += matrix.get(x, y) ? 1 : 0;
      }
    }

    long squares = Pattern.compile("h1v1h-1z").matcher(QrCodeSvg.svg(URI)).results().count();

    assertThat(squares).isEqualTo(dark).isPositive();
  }

  @Test
  void matrix_readsBackAsTheOtpauthUri() throws Exception {
    BitMatrix matrix = QrCodeSvg.matrix(URI);
    int scale = 4;
    int quiet = 4;
    int size = (matrix.getWidth() + 2 * quiet) * scale;
    int[] pixels = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int mx = x / scale - quiet;
        int my = y / scale - quiet;
        boolean inside = mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight();
        pixels[y * size + x] = inside && matrix.get(mx, my) ? 0xFF000000 : 0xFFFFFFFF;
      }
    }
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels)));

    assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(URI);
  }
}
