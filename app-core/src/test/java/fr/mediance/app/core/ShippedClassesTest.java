package fr.mediance.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the app-core jar ships: the app's own code only. Test drivers (a command-line client that sleeps between
 * syncs, say) live in test code; the app's entry point is in the {@code app} module.
 */
class ShippedClassesTest {
    /** The class files of app-core's main code (its classes directory, or its jar once packaged). */
    static List<Path> shippedClassFiles() throws IOException, URISyntaxException {
        Path root = Path.of(CoreContext.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertThat(root).as("app-core's classes are read from their directory").isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    static String className(Path root, Path classFile) {
        String relative = root.relativize(classFile).toString();
        return relative.substring(0, relative.length() - ".class".length()).replace(java.io.File.separatorChar, '.');
    }

    @Test
    void noShippedClassHasAMainMethod() throws Exception {
        Path root = Path.of(CoreContext.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<String> entryPoints = new ArrayList<>();
        for (Path file : shippedClassFiles()) {
            Class<?> type =
                    Class.forName(className(root, file), false, getClass().getClassLoader());
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals("main")
                        && Modifier.isStatic(m.getModifiers())
                        && Arrays.equals(m.getParameterTypes(), new Class<?>[] {String[].class})) {
                    entryPoints.add(type.getName());
                }
            }
        }
        assertThat(entryPoints).isEmpty();
    }

    @Test
    void noShippedClassCallsThreadSleep() throws Exception {
        // A call to Thread.sleep puts the method name "sleep" in the class's constant pool (tag 1, length 5).
        byte[] sleepEntry = {1, 0, 5, 's', 'l', 'e', 'e', 'p'};
        List<String> sleepers = new ArrayList<>();
        for (Path file : shippedClassFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            if (text.contains(new String(sleepEntry, StandardCharsets.ISO_8859_1))
                    && text.contains("java/lang/Thread")) {
                sleepers.add(file.getFileName().toString());
            }
        }
        assertThat(sleepers).isEmpty();
    }
}
