package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mediance.protocol.EntityType;
import fr.mediance.server.code.CodeRules;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.EntityFamilies;
import fr.mediance.server.sync.EntityRules;
import fr.mediance.server.user.UserStore;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every record a device may push or pull has its family's rules; blob statuses are the server's own. */
class SyncFamiliesTest {
    private final EntityFamilies families = SyncFamilies.all(new UserStore(), new BlobRegistry());

    @Test
    void everyRecordTypeButTheBlobStatusHasItsRules() {
        List<EntityType> ruled = Arrays.stream(EntityType.values())
                .filter(t ->
                        families.of(t).map(EntityRules::type).filter(t::equals).isPresent())
                .toList();
        assertThat(ruled)
                .containsExactlyInAnyOrder(Arrays.stream(EntityType.values())
                        .filter(t -> t != EntityType.BLOB)
                        .toArray(EntityType[]::new));
        assertThat(families.of(EntityType.BLOB)).isEmpty();
    }

    @Test
    void aFamilyHasOneSetOfRules() {
        assertThatThrownBy(() -> new EntityFamilies(List.of(new CodeRules(), new CodeRules())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
