package fr.mediance.app.core.testing;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.document.PhotoItem;
import fr.mediance.app.core.document.image.PhotoDownscaler;
import fr.mediance.app.core.platform.CapturedImage;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small structure on the fake server and visits with photos, for sync tests. */
public final class Visits {
    public static final Instant NINE_PARIS = Instant.parse("2026-11-27T08:00:00Z");
    public static final ResidentDto RESIDENT = new ResidentDto(
            "res-1",
            "s1",
            "D-42",
            "Mme",
            "Benali",
            "Fatima",
            null,
            "06 12 34 56 78",
            "12 rue des Lilas",
            "13015",
            "Marseille",
            "Interphone en panne",
            "elderly",
            "u-c1");

    private Visits() {}

    /** Accounts (conseil1, conseil2, coord, bureau), code lists, one resident and {@code appointments} appointments. */
    public static void seed(FakeOfficeServer server, int appointments) {
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-c2", "conseil2", TestCores.PASSWORD, Role.COUNSELLOR);
        server.addUser("u-co", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-b", "bureau", TestCores.PASSWORD, Role.OFFICE);
        server.addCode("domain", "energie", "Énergie", 1);
        server.addCode("medium", "home_visit", "Visite à domicile", 1);
        server.addCode("document_type", "facture", "Facture", 1);
        server.serverWrite(RESIDENT);
        for (int i = 1; i <= appointments; i++) {
            server.serverWrite(appointment("apt-" + i, i));
        }
    }

    public static AppointmentDto appointment(String id, int hour) {
        Instant start = NINE_PARIS.plusSeconds(3600L * (hour - 1));
        return new AppointmentDto(
                id, "s1", "res-1", "u-c1", "home_visit", start, start.plusSeconds(3600), "confirmed", null, null, null);
    }

    /** Random bytes that are not a JPEG (kept as captured: no downscaling, exact sizes). */
    public static byte[] bytes(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        b[0] = 'P';
        return b;
    }

    /** A real JPEG of a page-like picture (pure-Java encoder). */
    public static byte[] jpeg(int width, int height, int seed) {
        Random r = new Random(seed);
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean ink = (y / 24) % 3 == 1 && (x / 7 + y) % 5 != 0;
                int v = ink ? 40 + r.nextInt(30) : 220 + r.nextInt(30);
                argb[y * width + x] = 0xFF000000 | (v << 16) | (v << 8) | (v - 10);
            }
        }
        return PhotoDownscaler.encode(argb, width, height, 92);
    }

    /** Completes the report of an appointment with these photos; returns the documents. */
    public static List<PhotoItem> complete(CoreContext core, String appointmentId, byte[]... photos) {
        VisitReport draft = core.visits().openForAppointment(appointmentId).orElseThrow();
        draft = core.visits()
                .saveDraft(draft.withDomains(List.of("energie"))
                        .withSynthesis("Facture impayée.")
                        .withVisitAttested(true)
                        .withFollowUpDue(LocalDate.of(2026, 12, 4)))
                .value();
        List<PhotoItem> out = new ArrayList<>();
        for (byte[] p : photos) {
            out.add(core.documents()
                    .attach(draft.id(), new CapturedImage(p, "image/jpeg", null), "facture")
                    .value());
        }
        if (!core.visits().complete(draft.id()).isOk()) {
            throw new IllegalStateException("not completed");
        }
        return out;
    }
}
