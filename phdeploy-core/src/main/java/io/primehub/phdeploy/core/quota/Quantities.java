package io.primehub.phdeploy.core.quota;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Converts Kubernetes quantities ({@code 500m}, {@code 1.5}, {@code 2Gi}, {@code 1G},
 * {@code 1e3}, ...) into exact counts, and counts back into quantities a person reads. Parsing
 * is fabric8's; this class only fixes the units and the rounding, which is always up, as the
 * scheduler counts a request. Amounts of resources are never negative and must fit a
 * {@code long}.
 */
public final class Quantities {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final long KI = 1024;
  private static final BigDecimal BINARY_KI = BigDecimal.valueOf(KI);
  private static final List<String> BINARY_SUFFIXES = List.of("Ki", "Mi", "Gi", "Ti", "Pi", "Ei");

  private Quantities() {}

  /**
   * CPU in millicores: {@code 500m} is 500, {@code 1.5} is 1500.
   *
   * @throws IllegalArgumentException if the text is no quantity, is negative or is too large
   */
  public static long cpuMillis(String quantity) {
    return ceilingExact(amount(quantity).multiply(THOUSAND), quantity);
  }

  /**
   * Memory in bytes: {@code 2Gi} is 2147483648, {@code 1G} is 1000000000.
   *
   * @throws IllegalArgumentException if the text is no quantity, is negative or is too large
   */
  public static long bytes(String quantity) {
    return ceilingExact(amount(quantity), quantity);
  }

  /**
   * A count of whole devices, such as GPUs.
   *
   * @throws IllegalArgumentException if the text is no quantity, is negative or is too large
   */
  public static long count(String quantity) {
    return ceilingExact(amount(quantity), quantity);
  }

  /** Millicores as a quantity: {@code 500m}, {@code 2}. */
  public static String formatCpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /**
   * Bytes as a quantity in the largest binary unit that divides them: {@code 2Gi},
   * {@code 1536Mi}.
   */
  public static String formatMemory(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    long value = bytes;
    int unit = -1;
    while (unit + 1 < BINARY_SUFFIXES.size() && value % KI == 0) {
      value /= KI;
      unit++;
    }
    return unit < 0 ? Long.toString(value) : value + BINARY_SUFFIXES.get(unit);
  }

  private static long ceilingExact(BigDecimal amount, String quantity) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(
          "'" + quantity + "' is negative; an amount of a resource never is");
    }
    if (amount.compareTo(LONG_MAX) > 0) {
      throw new IllegalArgumentException("'" + quantity + "' is too large");
    }
    // setScale would expand an exponent such as 1e-999999999 digit by digit; any positive
    // fraction below one rounds up to one anyway.
    if (amount.signum() > 0 && amount.compareTo(BigDecimal.ONE) < 0) {
      return 1;
    }
    return amount.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  private static BigDecimal amount(String quantity) {
    if (quantity == null || quantity.isBlank()) {
      throw new IllegalArgumentException("a quantity is required, got '" + quantity + "'");
    }
    try {
      Quantity parsed = new Quantity(quantity.trim());
      int binaryUnit = BINARY_SUFFIXES.indexOf(parsed.getFormat());
      if (binaryUnit < 0) {
        return Quantity.getAmountInBytes(parsed);
      }
      // fabric8 computes binary multiples in 16 significant digits, which is inexact from Ei on.
      return new BigDecimal(parsed.getAmount()).multiply(BINARY_KI.pow(binaryUnit + 1));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new IllegalArgumentException("'" + quantity + "' is not a Kubernetes quantity", e);
    }
  }
}
