package org.tock4j.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;
import org.tock4j.userland.App;

class AppsModuleTests {

    @Test
    void theModuleProvidesHelloAndBlinkAsApps() {
        ModuleDescriptor descriptor = Hello.class.getModule().getDescriptor();

        assertThat(descriptor.name()).isEqualTo("org.tock4j.apps");
        assertThat(descriptor.provides())
                .filteredOn(provides -> provides.service().equals(App.class.getName()))
                .singleElement()
                .satisfies(provides -> assertThat(provides.providers())
                        .containsExactly(Hello.class.getName(), Blink.class.getName()));
    }
}
