package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything a team importing the library can call is documented, defaults included. */
class PublicApiDocumentationTest {
  @Test
  void everyPublicElementOfTheLibraryIsDocumentedAndEveryOptionalPropStatesItsDefault() {
    Path sources = ExternalTools.projectDir().resolve("src/main/java");

    assertThat(ApiDocs.problems(sources)).isEmpty();
  }

  @Test
  void reportsAnUndocumentedMethodAnUndocumentedComponentAndAnUnstatedDefault(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("Sample.java"),
        """
        package sample;

        /** Documented. */
        public class Sample {
          /** Documented. */
          public Sample() {}

          public int undocumented() {
            return 1;
          }

          int packagePrivateNeedsNothing() {
            return 2;
          }

          @Override
          public String toString() {
            return "inherits its comment";
          }
        }
        """);
    Files.writeString(
        dir.resolve("SampleProps.java"),
        """
        package sample;

        /**
         * Props.
         *
         * @param name the name; required
         * @param size how big
         */
        public record SampleProps(String name, Integer size, Boolean enabled) {}
        """);

    assertThat(ApiDocs.problems(dir))
        .containsExactly(
            "sample.Sample#undocumented: no Javadoc",
            "sample.SampleProps#enabled: no @param",
            "sample.SampleProps#size: says neither its default nor that it is required");
  }
}
