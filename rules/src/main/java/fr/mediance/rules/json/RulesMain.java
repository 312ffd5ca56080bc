package fr.mediance.rules.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.RuleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code bench/run rules FILE}: reads JSON lines {@code {"id", "rule", "input"}} from FILE (or standard input for
 * {@code -}) and prints one JSON line per case on standard output, in order, and nothing else there. A line that is
 * not JSON gets an {@code invalid_json} error line; blank lines are skipped.
 */
public final class RulesMain {
    private RulesMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: bench/run rules FILE   (JSON lines {\"id\",\"rule\",\"input\"}; - for stdin)");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        try (Reader reader = args[0].equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            run(new BufferedReader(reader), out);
        } catch (NoSuchFileException e) {
            System.err.println("no such file: " + args[0]);
            System.exit(2);
        }
        out.flush();
    }

    static final String INVALID_JSON = "invalid_json";
    static final String INTERNAL = "internal";

    private static JsonObject failure(JsonElement id, RuleException e) {
        JsonObject failed = new JsonObject();
        failed.add("id", id == null ? JsonNull.INSTANCE : id);
        failed.add("error", RuleEvaluator.error(e.code(), e.getMessage()));
        return failed;
    }

    static void run(BufferedReader in, PrintStream out) throws IOException {
        Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
        RuleEvaluator evaluator = new RuleEvaluator(LegalReference.standard());
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonElement answer;
            try {
                answer = evaluator.evaluate(JsonParser.parseString(line));
            } catch (JsonParseException e) {
                answer = failure(null, new RuleException(INVALID_JSON, "json.invalid"));
            } catch (RuntimeException e) {
                // The command's top boundary: a bug in a rule answers one error line, never a stack trace.
                answer = failure(null, new RuleException(INTERNAL, "internal"));
            }
            out.println(gson.toJson(answer));
        }
    }
}
