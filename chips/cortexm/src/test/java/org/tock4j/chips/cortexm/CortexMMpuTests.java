package org.tock4j.chips.cortexm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tock4j.chips.emulator.MemoryBus;
import org.tock4j.chips.emulator.VirtualClock;
import org.tock4j.kernel.platform.mpu.Access;
import org.tock4j.kernel.platform.mpu.AppMemoryRegion;
import org.tock4j.kernel.platform.mpu.MpuConfig;
import org.tock4j.kernel.platform.mpu.Permissions;
import org.tock4j.kernel.platform.mpu.Region;

class CortexMMpuTests {
    private static final int START = 0x2000_4000;

    private final CortexM4 core = new CortexM4(new VirtualClock(), new MemoryBus(), 64_000_000, 48, 3);
    private final CortexMMpu mpu = core.mpu();
    private final MpuConfig config = mpu.newConfig().orElseThrow();

    private CortexMConfig cortexm() {
        return (CortexMConfig) config;
    }

    private void load() {
        mpu.configureMpu(config);
        mpu.enableAppMpu();
    }

    @Test
    void theCortexM4MpuHasEightRegions() {
        assertThat(mpu.numberTotalRegions()).isEqualTo(8);
        assertThat(cortexm().regions()).hasSize(8).allSatisfy(r -> assertThat(r.location()).isEmpty());
    }

    @Test
    void appMemoryIsAPowerOfTwoBlockCoveredByTwoHalfRegions() {
        AppMemoryRegion block = mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024,
                Permissions.ReadWriteOnly, config).orElseThrow();

        assertThat(block).isEqualTo(new AppMemoryRegion(START, 4096));
        CortexMRegion region0 = cortexm().regions().get(0);
        CortexMRegion region1 = cortexm().regions().get(1);
        assertThat(region0.location()).contains(new Region(START, 2048));
        assertThat(region1.location()).contains(new Region(START + 2048, 2048));
        assertThat(region0.baseAddress()).isEqualTo(START | 0x10);
        assertThat(region0.attributes() >>> 1 & 0x1F).isEqualTo(10); // 2^(10+1) = 2048
        assertThat(region0.accessPermissions()).isEqualTo(0b011);
        assertThat(region0.attributes() & (1 << 28)).isNotZero(); // execute never
    }

    @Test
    void mpuSubregionsCoverAppMemory() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);

        // 2048 * 8 / 2048 + 1 = 9 sixteenths of 256 bytes: all of region 0 and the first eighth of region 1.
        assertThat(cortexm().regions().get(0).subregionDisableMask()).isEqualTo(0x00);
        assertThat(cortexm().regions().get(1).subregionDisableMask()).isEqualTo(0xFE);
        load();
        assertThat(mpu.checkAccess(START, 2304, Access.WRITE)).isTrue();
        assertThat(mpu.checkAccess(START + 2304, 1, Access.READ)).isFalse();
    }

    @Test
    void aSmallProcessStillGetsTwoRegionsOf256Bytes() {
        AppMemoryRegion block = mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 100, 100,
                Permissions.ReadWriteOnly, config).orElseThrow();

        assertThat(block.size()).isEqualTo(512);
        assertThat(cortexm().regions().get(0).subregionDisableMask()).isEqualTo(0xF0); // 4 × 32 bytes
        assertThat(cortexm().regions().get(1).location()).isEmpty();
    }

    @Test
    void whenTheAppSubregionsWouldReachKernelMemoryTheRegionsDouble() {
        AppMemoryRegion block = mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 3072, 1000,
                Permissions.ReadWriteOnly, config).orElseThrow();

        assertThat(block).isEqualTo(new AppMemoryRegion(START, 4096));
        assertThat(cortexm().regions().get(0).location()).contains(new Region(START, 4096));
        assertThat(cortexm().regions().get(0).subregionDisableMask()).isEqualTo(0x80); // 7 × 512 bytes
    }

    @Test
    void theBlockStartsAtTheFirstAddressAlignedToHalfItsSize() {
        AppMemoryRegion block = mpu.allocateAppMemoryRegion(START + 0x100, 0x1_0000, 0, 2048, 1024,
                Permissions.ReadWriteOnly, config).orElseThrow();
        assertThat(block.start()).isEqualTo(START + 0x800);
    }

    @Test
    void appMemoryThatDoesNotFitIsRefused() {
        assertThat(mpu.allocateAppMemoryRegion(START, 2048, 0, 2048, 1024, Permissions.ReadWriteOnly, config))
                .isEmpty();
    }

    @Test
    void mpuRejectsAccessBeyondAppBreak() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);
        assertThat(mpu.updateAppMemoryRegion(START + 1000, START + 3072, Permissions.ReadWriteOnly, config)).isTrue();
        load();

        assertThat(mpu.checkAccess(START, 1024, Access.WRITE)).isTrue(); // 1000 bytes round up to 4 × 256
        assertThat(mpu.checkAccess(START + 1024, 1, Access.READ)).isFalse();
        assertThat(mpu.checkAccess(START + 1020, 8, Access.READ)).isFalse();
        assertThat(mpu.checkAccess(START + 3072, 4, Access.READ)).isFalse(); // grant region
    }

    @Test
    void theAppBreakMayNotPassTheKernelBreak() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);

        assertThat(mpu.updateAppMemoryRegion(START + 3001, START + 3000, Permissions.ReadWriteOnly, config)).isFalse();
    }

    @Test
    void theAppBreakMayNotBeCoveredBySubregionsReachingKernelMemory() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);

        // 2900 bytes need 12 subregions, ending at 3072, past the kernel break at 3000.
        assertThat(mpu.updateAppMemoryRegion(START + 2900, START + 3000, Permissions.ReadWriteOnly, config)).isFalse();
        assertThat(mpu.updateAppMemoryRegion(START + 2816, START + 3000, Permissions.ReadWriteOnly, config)).isTrue();
    }

    @Test
    void updatingBeforeAllocatingFails() {
        assertThat(mpu.updateAppMemoryRegion(START + 100, START + 200, Permissions.ReadWriteOnly, config)).isFalse();
    }

    @Test
    void anAlignedPowerOfTwoRegionNeedsNoSubregions() {
        Region flash = mpu.allocateRegion(0x0003_0000, 0x1_0000, 0x1000, Permissions.ReadExecuteOnly, config)
                .orElseThrow();

        assertThat(flash).isEqualTo(new Region(0x0003_0000, 0x1000));
        CortexMRegion region = cortexm().regions().get(2);
        assertThat(region.subregionDisableMask()).isZero();
        load();
        assertThat(mpu.checkAccess(0x0003_0000, 0x1000, Access.EXECUTE)).isTrue();
        assertThat(mpu.checkAccess(0x0003_0000, 4, Access.WRITE)).isFalse();
    }

    @Test
    void anUnalignedRegionIsCoveredByEnabledSubregionsOfALargerRegion() {
        Region region = mpu.allocateRegion(0x0003_0100, 0x1_0000, 0x300, Permissions.ReadOnly, config)
                .orElseThrow();

        assertThat(region).isEqualTo(new Region(0x0003_0100, 0x300));
        CortexMRegion mpuRegion = cortexm().regions().get(2);
        assertThat(mpuRegion.baseAddress() & 0xFFFF_FFE0).isEqualTo(0x0003_0000);
        assertThat(mpuRegion.subregionDisableMask()).isEqualTo(0xF1);
        load();
        assertThat(mpu.checkAccess(0x0003_0100, 0x300, Access.READ)).isTrue();
        assertThat(mpu.checkAccess(0x0003_00FF, 1, Access.READ)).isFalse();
        assertThat(mpu.checkAccess(0x0003_0400, 1, Access.READ)).isFalse();
        assertThat(mpu.checkAccess(0x0003_0100, 1, Access.EXECUTE)).isFalse();
    }

    @Test
    void regionsSmallerThan32BytesGrowTo32() {
        Region region = mpu.allocateRegion(0x0003_0000, 0x1000, 4, Permissions.ReadOnly, config).orElseThrow();
        assertThat(region.size()).isEqualTo(32);
    }

    @Test
    void aRegionMayNotOverlapOneAlreadyAllocated() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);
        assertThat(mpu.allocateRegion(START, 0x1000, 256, Permissions.ReadOnly, config)).isEmpty();
    }

    @Test
    void removingARegionFreesItsNumberButTheAppRegionsStay() {
        Region region = mpu.allocateRegion(0x0003_0000, 0x1_0000, 0x1000, Permissions.ReadOnly, config)
                .orElseThrow();
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);

        assertThat(mpu.removeMemoryRegion(new Region(START, 2048), config)).isFalse();
        assertThat(mpu.removeMemoryRegion(region, config)).isTrue();
        assertThat(mpu.removeMemoryRegion(region, config)).isFalse();
        assertThat(cortexm().regions().get(2).location()).isEmpty();
    }

    @Test
    void everyAccessPassesWhileTheAppMpuIsDisabled() {
        mpu.configureMpu(config);
        mpu.disableAppMpu();
        assertThat(mpu.checkAccess(0x4000_0000, 16, Access.WRITE)).isTrue();
        mpu.enableAppMpu();
        assertThat(mpu.checkAccess(0x4000_0000, 16, Access.WRITE)).isFalse();
    }

    @Test
    void theHardwareIsRewrittenOnlyForAnotherOrChangedConfiguration() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);
        load();
        assertThat(cortexm().isDirty()).isFalse();

        // Something else reprograms region 0; loading the same clean configuration does not notice.
        core.bus().write32(0xE000_ED9C, 0x10);
        core.bus().write32(0xE000_EDA0, 0);
        mpu.configureMpu(config);
        assertThat(mpu.checkAccess(START, 4, Access.READ)).isFalse();

        MpuConfig other = mpu.newConfig().orElseThrow();
        mpu.configureMpu(other);
        mpu.configureMpu(config);
        assertThat(mpu.checkAccess(START, 4, Access.READ)).isTrue();
    }

    @Test
    void theConfigurationPrintsAsTockPrintsIt() {
        mpu.allocateAppMemoryRegion(START, 0x1_0000, 0, 2048, 1024, Permissions.ReadWriteOnly, config);

        String printed = config.toString();

        assertThat(printed).startsWith("\r\n Cortex-M MPU\r\n  Region 0: [0x20004000:0x20004800], length: 2048 bytes;"
                + " ReadWrite (0x3)\r\n    Sub-region 0: [0x20004000:0x20004100], Enabled");
        assertThat(printed).contains("\r\n  Region 1: [0x20004800:0x20005000], length: 2048 bytes; ReadWrite (0x3)"
                + "\r\n    Sub-region 0: [0x20004800:0x20004900], Enabled\r\n    Sub-region 1: [0x20004900:0x20004A00],"
                + " Disabled");
        assertThat(printed).endsWith("\r\n  Region 7: Unused\r\n");
    }

    @Test
    void aConfigurationFromAnotherMpuIsRejected() {
        CortexM4 otherCore = new CortexM4(new VirtualClock(), new MemoryBus(), 64_000_000, 48, 3);
        MpuConfig foreign = otherCore.mpu().newConfig().orElseThrow();
        assertThatThrownBy(() -> mpu.configureMpu(foreign)).isInstanceOf(IllegalArgumentException.class);
    }
}
