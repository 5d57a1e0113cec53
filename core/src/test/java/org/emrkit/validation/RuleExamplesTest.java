package org.emrkit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.emrkit.problem.Message;
import org.emrkit.template.Template;
import org.junit.jupiter.api.Test;

/**
 * The examples docs/rules.md shows are what the rules say: each rule's documented example (in
 * Chinese and English) is a message the rule gives on a case of the validation corpus.
 */
class RuleExamplesTest {

  @Test
  void everyDocumentedExampleIsAMessageTheRuleGivesOnTheCorpus() throws IOException {
    List<Template> templates = ValidationCorpusTest.templates();
    Map<String, Set<Message>> given = new HashMap<>();
    for (Path f : ValidationCorpusTest.files()) {
      for (Finding x : ValidationCorpusTest.run(f, templates).findings()) {
        given.computeIfAbsent(x.code(), k -> new HashSet<>()).add(x.message());
      }
    }
    List<String> wrong = new ArrayList<>();
    for (Rule r : ValidationCorpusTest.VALIDATOR.rules()) {
      Message example = r.info().example();
      if (!given.getOrDefault(r.code(), Set.of()).contains(example)) {
        wrong.add(r.code() + ": " + example.zh() + " / " + example.en() + "; the corpus gives "
            + given.getOrDefault(r.code(), Set.of()));
      }
    }
    assertThat(wrong).as("examples no corpus case produces").isEmpty();
    assertThat(ValidationCorpusTest.VALIDATOR.rules()).hasSizeGreaterThan(30);
  }
}
