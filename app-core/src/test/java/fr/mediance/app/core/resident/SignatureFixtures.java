package fr.mediance.app.core.resident;

import fr.mediance.app.core.signature.Signature;
import java.util.ArrayList;
import java.util.List;

/** Drawn signatures for tests. */
public final class SignatureFixtures {
    private SignatureFixtures() {}

    /** A wavy line across a 400×150 pad. */
    public static Signature scribble() {
        List<Signature.Point> points = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            points.add(new Signature.Point(20 + i * 9, 75 + 40 * Math.sin(i / 3.0)));
        }
        return new Signature(400, 150, List.of(points));
    }
}
