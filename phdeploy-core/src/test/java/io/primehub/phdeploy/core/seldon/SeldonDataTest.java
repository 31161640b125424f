package io.primehub.phdeploy.core.seldon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the rows of data, whichever form it takes. */
class SeldonDataTest {

  @Test
  void ndarrayAsDoublesReadsNumericRows() {
    SeldonData data = dataOf("{\"ndarray\": [[1, 2.5], [-3, 1e3]]}");

    assertThat(data.ndarrayAsDoubles())
        .containsExactly(List.of(1.0, 2.5), List.of(-3.0, 1000.0));
  }

  @Test
  void ndarrayAsDoublesOfNoRowsIsEmpty() {
    assertThat(dataOf("{\"ndarray\": []}").ndarrayAsDoubles()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"ndarray": [[1], [2, "x"]]}          | ndarray row 1, column 1 is "x", not a number
      {"ndarray": [[true]]}                 | ndarray row 0, column 0 is true, not a number
      {"ndarray": [[null]]}                 | ndarray row 0, column 0 is null, not a number
      {"ndarray": [[[1, 2]]]}               | ndarray row 0, column 0 is an array, not a number
      {"ndarray": [1, 2]}                   | ndarray row 0 is 1, not an array
      {"ndarray": {"a": 1}}                 | ndarray must be an array of rows, got an object
      {"ndarray": 7}                        | ndarray must be an array of rows, got 7
      {"tensor": {"shape": [1], "values": [1]}} | data holds no ndarray but a tensor
      {"names": ["a"]}                      | data holds no ndarray
      """)
  void ndarrayAsDoublesNamesWhatIsNotANumericMatrix(String data, String problem) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> dataOf(data).ndarrayAsDoubles())
        .withMessage(problem);
  }

  @Test
  void rowsOfAnNdarrayAreItsElements() {
    List<List<JsonNode>> rows = dataOf("{\"ndarray\": [[\"win\", 1], [[0, 1], null]]}").rows();

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).extracting(JsonNode::toString).containsExactly("\"win\"", "1");
    assertThat(rows.get(1)).extracting(JsonNode::toString).containsExactly("[0,1]", "null");
  }

  @Test
  void rowsOfATensorSplitItByItsFirstDimension() {
    SeldonData data = dataOf(
        "{\"tensor\": {\"shape\": [2, 3], \"values\": [1, 2, 3, 4, 5, 6]}}");

    assertThat(data.rows())
        .extracting(row -> row.stream().map(JsonNode::doubleValue).toList())
        .containsExactly(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0));
  }

  @Test
  void rowsOfAVectorTensorHaveOneValueEach() {
    assertThat(dataOf("{\"tensor\": {\"shape\": [3], \"values\": [1, 2, 3]}}").rows())
        .extracting(List::size)
        .containsExactly(1, 1, 1);
  }

  @Test
  void rowsOfATensorWithNoRowsAreEmpty() {
    assertThat(dataOf("{\"tensor\": {\"shape\": [0, 4]}}").rows()).isEmpty();
  }

  @Test
  void aScalarTensorHasNoRows() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> dataOf("{\"tensor\": {\"values\": [1]}}").rows())
        .withMessage("a scalar tensor has no rows");
  }

  @Test
  void dataWithoutNdarrayOrTensorHasNoRows() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> dataOf("{\"names\": [\"a\"]}").rows())
        .withMessage("data holds neither an ndarray nor a tensor");
  }

  @Test
  void rowsOfAnNdarrayThatIsNotTwoDimensionalAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> dataOf("{\"ndarray\": [[1], \"x\"]}").rows())
        .withMessage("ndarray row 1 is \"x\", not an array");
  }

  private static SeldonData dataOf(String json) {
    return SeldonJson.read("{\"data\": " + json + "}").data();
  }
}
