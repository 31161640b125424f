package io.primehub.phdeploy.core.seldon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The convenience constructors write what the protocol expects. */
class SeldonMessageTest {

  private static final ObjectMapper TREES = new ObjectMapper();

  @Test
  void ofNdarrayWritesRows() throws IOException {
    assertWrites(SeldonMessage.ofNdarray(List.of(List.of(0.97), List.of(0.03))),
        "{\"data\": {\"ndarray\": [[0.97], [0.03]]}}");
  }

  @Test
  void ofNdarrayWritesNamesAndMixedValues() throws IOException {
    assertWrites(
        SeldonMessage.ofNdarray(List.of("text", "length"), List.of(List.of("win money", 9))),
        "{\"data\": {\"names\": [\"text\", \"length\"], \"ndarray\": [[\"win money\", 9]]}}");
  }

  @Test
  void ofTensorWritesShapeAndValues() throws IOException {
    assertWrites(SeldonMessage.ofTensor(List.of(2, 2), List.of(1.0, 2.0, 3.0, 4.0)),
        "{\"data\": {\"tensor\": {\"shape\": [2, 2], \"values\": [1.0, 2.0, 3.0, 4.0]}}}");
  }

  @Test
  void ofTensorRejectsAShapeThatDoesNotHoldTheValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeldonMessage.ofTensor(List.of(2, 2), List.of(1.0, 2.0, 3.0)))
        .withMessage("a tensor of shape [2, 2] holds 4 values, got 3");
  }

  @Test
  void ofTensorRejectsAShapeTooLargeForAnyList() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeldonMessage.ofTensor(
            List.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE), List.of()))
        .withMessageContaining("holds more than 2147483647 values, got 0");
  }

  @Test
  void ofStrDataWritesText() throws IOException {
    assertWrites(SeldonMessage.ofStrData("spam"), "{\"strData\": \"spam\"}");
  }

  @Test
  void failureWritesAFailedStatus() throws IOException {
    assertWrites(SeldonMessage.failure(400, "ndarray row 0 is 1, not an array"),
        "{\"status\": {\"code\": 400, \"info\": \"ndarray row 0 is 1, not an array\","
            + " \"status\": \"FAILURE\"}}");
  }

  @Test
  void aBuiltMessageWithTwoPayloadsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> SeldonMessage.builder().strData("a").binData("YQ==").build())
        .withMessage("a message carries at most one of data, strData, jsonData and binData,"
            + " got strData and binData");
  }

  private static void assertWrites(SeldonMessage message, String json) throws IOException {
    assertThat(TREES.readTree(SeldonJson.write(message))).isEqualTo(TREES.readTree(json));
    assertThat(SeldonJson.read(json)).isEqualTo(message);
  }
}
