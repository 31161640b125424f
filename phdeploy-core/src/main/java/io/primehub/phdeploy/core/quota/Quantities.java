package io.primehub.phdeploy.core.quota;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts Kubernetes quantities ({@code 500m}, {@code 1.5}, {@code 2Gi}, {@code 1G},
 * {@code 1e3}, ...) into exact counts, and counts back into quantities a person reads. Parsing
 * is fabric8's; this class only fixes the units and the rounding, which is always up, as the
 * scheduler counts a request.
 */
public final class Quantities {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final long KI = 1024;
  private static final String[] BINARY_SUFFIXES = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

  private Quantities() {}

  /**
   * CPU in millicores: {@code 500m} is 500, {@code 1.5} is 1500.
   *
   * @throws IllegalArgumentException if the text is no quantity
   */
  public static long cpuMillis(String quantity) {
    return amount(quantity).multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * Memory in bytes: {@code 2Gi} is 2147483648, {@code 1G} is 1000000000.
   *
   * @throws IllegalArgumentException if the text is no quantity
   */
  public static long bytes(String quantity) {
    return amount(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /**
   * A count of whole devices, such as GPUs.
   *
   * @throws IllegalArgumentException if the text is no quantity
   */
  public static long count(String quantity) {
    return amount(quantity).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Millicores as a quantity: {@code 500m}, {@code 2}. */
  public static String formatCpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** Bytes as a quantity in the largest binary unit that divides them: {@code 2Gi}, {@code 1536Mi}. */
  public static String formatMemory(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    long value = bytes;
    int unit = -1;
    while (unit + 1 < BINARY_SUFFIXES.length && value % KI == 0) {
      value /= KI;
      unit++;
    }
    return unit < 0 ? Long.toString(value) : value + BINARY_SUFFIXES[unit];
  }

  private static BigDecimal amount(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("a quantity is required, got '" + quantity + "'");
    }
    try {
      return Quantity.getAmountInBytes(new Quantity(quantity.trim()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + quantity + "' is not a Kubernetes quantity", e);
    }
  }
}
