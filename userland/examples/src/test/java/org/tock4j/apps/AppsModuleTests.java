package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.App;

class AppsModuleTests {

    @Test
    void theModuleProvidesItsExamplesAsApps() {
        ModuleDescriptor descriptor = Hello.class.getModule().getDescriptor();

        assertThat(descriptor.name()).isEqualTo("org.tock4j.apps");
        assertThat(descriptor.provides())
                .filteredOn(provides -> provides.service().equals(App.class.getName()))
                .singleElement()
                .satisfies(provides -> assertThat(provides.providers())
                        .containsExactly(Hello.class.getName(), Blink.class.getName(), Buttons.class.getName(),
                                RngApp.class.getName(), Sensors.class.getName(), Rot13Service.class.getName(),
                                Rot13Client.class.getName()));
    }

    @Test
    void theServicesFileListsTheSameAppsInTheSameOrderForTheClassPath() throws IOException {
        String listed;
        try (InputStream in = Hello.class.getModule().getResourceAsStream("META-INF/services/" + App.class.getName())) {
            assertThat(in).isNotNull();
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(listed.lines().map(String::strip).filter(line -> !line.isEmpty()))
                .containsExactlyElementsOf(Hello.class.getModule().getDescriptor().provides().stream()
                        .filter(provides -> provides.service().equals(App.class.getName()))
                        .flatMap(provides -> provides.providers().stream())
                        .toList());
    }
}
