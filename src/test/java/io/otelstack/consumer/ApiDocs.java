package io.otelstack.consumer;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.util.DocTrees;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;

/**
 * Reads the Javadoc of every public and protected element in a source tree with the JDK's javadoc
 * tool and lists what an importing team would find undocumented:
 *
 * <ul>
 *   <li>a public or protected type, constructor, method, field or enum constant without a comment
 *       (overriding methods inherit theirs);
 *   <li>a record component without an {@code @param}, since that is its accessor's documentation;
 *   <li>a component of a {@code *Props} record whose {@code @param} says neither what its default
 *       does ({@code Default: ...}) nor that it is required.
 * </ul>
 *
 * <p>doclint's own {@code missing} group cannot be used as is: it also demands {@code @param} and
 * {@code @return} on every one-line comment, which the house style leaves out.
 */
final class ApiDocs {
  private ApiDocs() {}

  /** The problems in every {@code .java} file under {@code sourceRoot}, sorted; empty is good. */
  static List<String> problems(Path sourceRoot) {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DocumentationTool tool = ToolProvider.getSystemDocumentationTool();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files =
        tool.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
      List<String> options = List.of("-classpath", System.getProperty("java.class.path"));
      synchronized (Check.class) {
        Check.found = new ArrayList<>();
        boolean ok = tool.getTask(messages, files, null, Check.class, options, units).call();
        if (!ok) {
          throw new AssertionError("javadoc could not read " + sourceRoot + ":\n" + messages);
        }
        return Check.found.stream().sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The doclet the javadoc tool runs; it writes no HTML, it only collects problems. */
  public static final class Check implements Doclet {
    private static List<String> found;

    /** Instantiated by the javadoc tool. */
    public Check() {}

    @Override
    public void init(Locale locale, Reporter reporter) {}

    @Override
    public String getName() {
      return "api-docs";
    }

    @Override
    public Set<? extends Option> getSupportedOptions() {
      return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latest();
    }

    @Override
    public boolean run(DocletEnvironment env) {
      DocTrees trees = env.getDocTrees();
      Elements elements = env.getElementUtils();
      for (TypeElement type : ElementFilter.typesIn(env.getIncludedElements())) {
        String name = type.getQualifiedName().toString();
        require(trees, type, name);
        Set<String> components = new LinkedHashSet<>();
        if (type.getKind() == ElementKind.RECORD) {
          checkComponents(trees, type, name, components);
        }
        for (Element member : type.getEnclosedElements()) {
          if (!env.isIncluded(member)
              || member instanceof TypeElement
              || member.getKind() == ElementKind.RECORD_COMPONENT
              || isImplicit(trees, elements, member)
              || overrides(member)
              || isComponentAccessor(member, components)) {
            continue;
          }
          require(trees, member, name + "#" + member.getSimpleName());
        }
      }
      return true;
    }

    private static void require(DocTrees trees, Element e, String where) {
      DocCommentTree doc = trees.getDocCommentTree(e);
      if (doc == null || doc.getFullBody().isEmpty()) {
        found.add(where + ": no Javadoc");
      }
    }

    private static void checkComponents(
        DocTrees trees, TypeElement record, String name, Set<String> components) {
      Map<String, String> params = new TreeMap<>();
      DocCommentTree doc = trees.getDocCommentTree(record);
      if (doc != null) {
        for (DocTree tag : doc.getBlockTags()) {
          if (tag instanceof ParamTree p && !p.isTypeParameter()) {
            params.put(
                p.getName().getName().toString(),
                p.getDescription().stream().map(Object::toString).collect(Collectors.joining()));
          }
        }
      }
      for (RecordComponentElement c : record.getRecordComponents()) {
        String component = c.getSimpleName().toString();
        components.add(component);
        String text = params.get(component);
        if (text == null || text.isBlank()) {
          found.add(name + "#" + component + ": no @param");
        } else if (name.endsWith("Props")
            && !text.contains("Default")
            && !text.contains("required")) {
          found.add(name + "#" + component + ": says neither its default nor that it is required");
        }
      }
    }

    /**
     * Members the compiler declares (a record's {@code equals}, an enum's {@code values}) have no
     * source to document.
     */
    private static boolean isImplicit(DocTrees trees, Elements elements, Element e) {
      return elements.getOrigin(e) != Elements.Origin.EXPLICIT || trees.getPath(e) == null;
    }

    /** Overriding methods inherit the overridden comment, as in the generated pages. */
    private static boolean overrides(Element e) {
      return e.getAnnotationMirrors().stream()
          .anyMatch(
              a -> a.getAnnotationType().toString().equals(Override.class.getCanonicalName()));
    }

    /** An accessor that a record declares explicitly is documented by its {@code @param}. */
    private static boolean isComponentAccessor(Element e, Set<String> components) {
      return e instanceof ExecutableElement m
          && m.getParameters().isEmpty()
          && components.contains(m.getSimpleName().toString());
    }
  }
}
