package io.primehub.phdeploy.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of every repeat of every measurement, by name, and their medians. */
final class Results {

  private final Map<String, List<Double>> figures = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  /** Adds one repeat's value of a figure. */
  synchronized void add(String figure, double value) {
    figures.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
  }

  /** Keeps a text that describes a figure, such as requests by verb; the last one wins. */
  synchronized void note(String figure, String text) {
    notes.put(figure, text);
  }

  /** The median of a figure's repeats. */
  synchronized double median(String figure) {
    List<Double> values = figures.get(figure);
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("no figure " + figure);
    }
    return Statistics.percentile(values, 50);
  }

  /** Every repeat of a figure, in order. */
  synchronized List<Double> values(String figure) {
    return List.copyOf(figures.getOrDefault(figure, List.of()));
  }

  /** Every figure's name, in the order first added. */
  synchronized List<String> figures() {
    return List.copyOf(figures.keySet());
  }

  /** The note of a figure, or an empty text. */
  synchronized String note(String figure) {
    return notes.getOrDefault(figure, "");
  }
}
