package io.primehub.phdeploy.core.seldon;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads an ndarray as rows, naming the element that does not fit in what it throws. */
final class NdArrays {

  private NdArrays() {}

  static List<List<JsonNode>> rows(JsonNode ndarray) {
    if (!ndarray.isArray()) {
      throw new IllegalArgumentException(
          "ndarray must be an array of rows, got " + describe(ndarray));
    }
    List<List<JsonNode>> rows = new ArrayList<>(ndarray.size());
    for (int i = 0; i < ndarray.size(); i++) {
      JsonNode row = ndarray.get(i);
      if (!row.isArray()) {
        throw new IllegalArgumentException(
            "ndarray row " + i + " is " + describe(row) + ", not an array");
      }
      List<JsonNode> elements = new ArrayList<>(row.size());
      row.forEach(elements::add);
      rows.add(List.copyOf(elements));
    }
    return List.copyOf(rows);
  }

  static List<List<Double>> doubles(JsonNode ndarray) {
    List<List<JsonNode>> rows = rows(ndarray);
    List<List<Double>> doubles = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<JsonNode> row = rows.get(i);
      List<Double> numbers = new ArrayList<>(row.size());
      for (int j = 0; j < row.size(); j++) {
        JsonNode element = row.get(j);
        if (!element.isNumber()) {
          throw new IllegalArgumentException("ndarray row " + i + ", column " + j + " is "
              + describe(element) + ", not a number");
        }
        numbers.add(element.doubleValue());
      }
      doubles.add(List.copyOf(numbers));
    }
    return List.copyOf(doubles);
  }

  /** A node as a message shows it: scalars as JSON, containers by kind, to keep messages short. */
  static String describe(JsonNode node) {
    return node.isValueNode()
        ? node.toString()
        : "an " + node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
