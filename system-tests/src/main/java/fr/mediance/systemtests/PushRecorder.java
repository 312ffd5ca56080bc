package fr.mediance.systemtests;

import fr.mediance.protocol.ApiPaths;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/** An OkHttp interceptor that keeps the exact bodies a client pushes, so a test can replay them on the wire. */
public final class PushRecorder implements Interceptor {
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.url().encodedPath().equals(ApiPaths.SYNC_PUSH) && request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            bodies.add(buffer.readUtf8());
        }
        return chain.proceed(request);
    }

    public List<String> bodies() {
        return List.copyOf(bodies);
    }
}
