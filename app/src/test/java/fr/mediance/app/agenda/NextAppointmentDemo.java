package fr.mediance.app.agenda;

import fr.mediance.protocol.ResidentDto;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps to « Prochain rendez-vous » on a counsellor's tablet, shared by its screen test and the screenshots. */
public final class NextAppointmentDemo {
    private NextAppointmentDemo() {}

    /** The resident with her availability recorded (the field the form shows). */
    public static ResidentDto withAvailability(ResidentDto r, String when) {
        com.google.gson.Gson gson = fr.mediance.protocol.json.MedianceJson.gson();
        com.google.gson.JsonObject tree = gson.toJsonTree(r, ResidentDto.class).getAsJsonObject();
        tree.addProperty("preferredContactTime", when);
        return gson.fromJson(tree, ResidentDto.class);
    }

    /** From the agenda to the file of Fatima Benali (r1), through the preparation of her appointment a1. */
    public static void openFile(FxRobot ui) {
        ui.clickOn("#appointment-a1-prepare");
        waitFor(ui, "#appointment-resident-file");
        ui.clickOn("#appointment-resident-file");
        waitFor(ui, "#resident-next-appointment");
    }

    public static void type(FxRobot ui, String query, String value) {
        ui.interact(() -> ((TextField) ui.lookup(query).query()).setText(value));
    }

    private static void waitFor(FxRobot ui, String query) {
        try {
            WaitForAsyncUtils.waitFor(
                    10, TimeUnit.SECONDS, () -> ui.lookup(query).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("not shown: " + query, e);
        }
    }
}
