package cn.keyida.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The command-line entry: every collaborator is injected (a field without @Inject stays null and its command fails). */
class PortalMainTest {

    @Test
    void everyInstanceFieldIsInjected() {
        assertThat(Arrays.stream(PortalMain.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.isAnnotationPresent(Inject.class))
                .map(Field::getName)).isEmpty();
    }
}
