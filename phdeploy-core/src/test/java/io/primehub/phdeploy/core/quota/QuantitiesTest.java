package io.primehub.phdeploy.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

  @ParameterizedTest(name = "{0} of CPU is {1}m")
  @CsvSource({
    "500m, 500",
    "1, 1000",
    "1.5, 1500",
    "0.1, 100",
    "1e3, 1000000",
    "100k, 100000000",
    "' 2 ', 2000",
    "0, 0",
    // the scheduler rounds a fraction of a millicore up
    "0.0001, 1",
    "1e-999999999, 1"
  })
  void parsesCpu(String quantity, long millis) {
    assertThat(Quantities.cpuMillis(quantity)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0} of memory is {1} bytes")
  @CsvSource({
    "2Gi, 2147483648",
    "1G, 1000000000",
    "512Mi, 536870912",
    "100k, 100000",
    "1Ki, 1024",
    "1e3, 1000",
    "1.5Gi, 1610612736",
    "1, 1",
    "0.5, 1",
    "1Pi, 1125899906842624",
    "1Ei, 1152921504606846976",
    "7Ei, 8070450532247928832",
    "0.5Ki, 512",
    "+1Mi, 1048576"
  })
  void parsesMemory(String quantity, long bytes) {
    assertThat(Quantities.bytes(quantity)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0} GPUs are {1}")
  @CsvSource({"0, 0", "1, 1", "2, 2", "1e1, 10", "0.5, 1"})
  void countsDevices(String quantity, long count) {
    assertThat(Quantities.count(quantity)).isEqualTo(count);
  }

  @ParameterizedTest(name = "''{0}'' is rejected")
  @NullAndEmptySource
  @ValueSource(strings = {
    " ", "abc", "1.2.3", "m", "Gi", "1 Gi", "1e", "--1", "1Xi", "1mi", "1K", "12Mb", "0x10",
    "1Ki2", "NaN", "1,5", "Ki", "-Ki", "1.2.3Ki", "1 Ki", "0x1Ki", "1E3Ki", "1e3Ki"
  })
  void rejectsMalformedText(String quantity) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Quantities.bytes(quantity))
        .withMessageContaining("'" + quantity + "'");
  }

  @ParameterizedTest(name = "''{0}'' {1}")
  @CsvSource({
    "-1,          is negative; an amount of a resource never is",
    "-500m,       is negative; an amount of a resource never is",
    "8Ei,         is too large",
    "1e19,        is too large",
    "1e999999999, is too large"
  })
  void rejectsAmountsNoLongCanHold(String quantity, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Quantities.cpuMillis(quantity))
        .withMessage("'" + quantity + "' " + problem);
  }

  @ParameterizedTest(name = "{0}m formats as {1}")
  @CsvSource({"0, 0", "500, 500m", "1000, 1", "1500, 1500m", "8000, 8", "1, 1m"})
  void formatsCpuAndReadsItBack(long millis, String quantity) {
    assertThat(Quantities.formatCpu(millis)).isEqualTo(quantity);
    assertThat(Quantities.cpuMillis(quantity)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0} bytes format as {1}")
  @CsvSource({
    "0, 0",
    "1, 1",
    "1000, 1000",
    "1024, 1Ki",
    "1536, 1536",
    "1610612736, 1536Mi",
    "2147483648, 2Gi",
    "17179869184, 16Gi",
    "1000000000, 1000000000",
    "1152921504606846976, 1Ei"
  })
  void formatsMemoryAndReadsItBack(long bytes, String quantity) {
    assertThat(Quantities.formatMemory(bytes)).isEqualTo(quantity);
    assertThat(Quantities.bytes(quantity)).isEqualTo(bytes);
  }
}
