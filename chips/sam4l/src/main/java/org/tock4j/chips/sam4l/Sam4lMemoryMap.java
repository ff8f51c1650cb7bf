package org.tock4j.chips.sam4l;

import java.util.Map;

/**
 * The ATSAM4LC8C's memory map (datasheet 6.1 and 7.1): code flash, RAM and peripherals.
 *
 * <pre>
 *   0x0000_0000  FLASH  512 KiB    1024 pages of 512 bytes; app TBFs go where the board says
 *   0x2000_0000  RAM    64 KiB     the first DRIVER_RAM_SIZE bytes hold the PDCA channels' DMA buffers
 *   0x4000_0000  peripherals on the APB bridges and the HSB (modelled ones at their base, the rest logged)
 *   0xE000_0000  Cortex-M4 private peripherals (NVIC, SysTick, MPU)
 * </pre>
 *
 * <p>Tock counterpart: {@code boards/*&#47;chip_layout.ld} of the SAM4L boards and the peripherals' base
 * addresses in {@code chips/sam4l}.
 */
public final class Sam4lMemoryMap {
    public static final int FLASH_START = 0x0000_0000;
    public static final int FLASH_SIZE = 0x0008_0000;
    public static final int FLASH_PAGE_SIZE = 512;
    public static final int RAM_START = 0x2000_0000;
    public static final int RAM_SIZE = 0x0001_0000;

    /** Each PDCA channel's DMA buffer (Tock DMAs straight from kernel statics; see {@link DmaChannel}). */
    public static final int DMA_BUFFER_SIZE = 512;
    public static final int DRIVER_RAM_START = RAM_START;
    public static final int DRIVER_RAM_SIZE = 16 * DMA_BUFFER_SIZE;
    /** Boards place process RAM at or above this address. */
    public static final int DRIVER_RAM_END = DRIVER_RAM_START + DRIVER_RAM_SIZE;

    public static final int PERIPHERALS_START = 0x4000_0000;
    public static final int PERIPHERALS_SIZE = 0x0010_0000;
    public static final int SPI_BASE = 0x4000_8000;
    public static final int TWIM0_BASE = 0x4001_8000;
    public static final int TWIM1_BASE = 0x4001_C000;
    public static final int TWIM2_BASE = 0x4007_8000;
    public static final int TWIM3_BASE = 0x4007_C000;
    public static final int USART0_BASE = 0x4002_4000;
    public static final int USART1_BASE = 0x4002_8000;
    public static final int USART2_BASE = 0x4002_C000;
    public static final int USART3_BASE = 0x4003_0000;
    public static final int ADCIFE_BASE = 0x4003_8000;
    public static final int TRNG_BASE = 0x4006_8000;
    public static final int FLASHCALW_BASE = 0x400A_0000;
    public static final int PDCA_BASE = 0x400A_2000;
    public static final int PM_BASE = 0x400E_0000;
    public static final int SCIF_BASE = 0x400E_0800;
    public static final int GPIO_BASE = 0x400E_1000;
    public static final int GPIO_PORT_SIZE = 0x200;
    public static final int BPM_BASE = 0x400F_0000;
    public static final int BSCIF_BASE = 0x400F_0400;
    public static final int AST_BASE = 0x400F_0800;
    public static final int PRIVATE_PERIPHERALS_START = 0xE000_0000;
    public static final int PRIVATE_PERIPHERALS_SIZE = 0x0010_0000;

    /** The peripherals of the map by base address, modelled or not (for the log of unmodelled accesses). */
    public static final Map<Integer, String> PERIPHERALS = Map.ofEntries(
            Map.entry(0x4000_0000, "IISC"), Map.entry(0x4000_8000, "SPI"), Map.entry(0x4001_0000, "TC0"),
            Map.entry(0x4001_4000, "TC1"), Map.entry(0x4001_8000, "TWIM0"), Map.entry(0x4001_8400, "TWIS0"),
            Map.entry(0x4001_C000, "TWIM1"), Map.entry(0x4001_C400, "TWIS1"), Map.entry(0x4002_4000, "USART0"),
            Map.entry(0x4002_8000, "USART1"), Map.entry(0x4002_C000, "USART2"), Map.entry(0x4003_0000, "USART3"),
            Map.entry(0x4003_8000, "ADCIFE"), Map.entry(0x4003_C000, "DACC"), Map.entry(0x4004_0000, "ACIFC"),
            Map.entry(0x4006_0000, "GLOC"), Map.entry(0x4006_4000, "ABDACB"), Map.entry(0x4006_8000, "TRNG"),
            Map.entry(0x4006_C000, "PARC"), Map.entry(0x4007_0000, "CATB"), Map.entry(0x4007_8000, "TWIM2"),
            Map.entry(0x4007_C000, "TWIM3"), Map.entry(0x4008_0000, "LCDCA"), Map.entry(0x400A_0000, "FLASHCALW"),
            Map.entry(0x400A_0400, "PICOCACHE"), Map.entry(0x400A_1000, "HMATRIX"), Map.entry(0x400A_2000, "PDCA"),
            Map.entry(0x400A_3000, "CRCCU"), Map.entry(0x400A_4000, "USBC"), Map.entry(0x400A_6000, "PEVC"),
            Map.entry(0x400B_0000, "AESA"), Map.entry(0x400E_0000, "PM"), Map.entry(0x400E_0400, "CHIPID"),
            Map.entry(0x400E_0800, "SCIF"), Map.entry(0x400E_0C00, "FREQM"), Map.entry(0x400E_1000, "GPIO"),
            Map.entry(0x400F_0000, "BPM"), Map.entry(0x400F_0400, "BSCIF"), Map.entry(0x400F_0800, "AST"),
            Map.entry(0x400F_0C00, "WDT"), Map.entry(0x400F_1000, "EIC"), Map.entry(0x400F_1400, "PICOUART"));

    /** The peripheral whose slot holds {@code address} (the one with the highest base not above it). */
    public static String peripheralAt(int address) {
        int best = -1;
        for (int base : PERIPHERALS.keySet()) {
            boolean below = Integer.compareUnsigned(base, address) <= 0;
            if (below && (best == -1 || Integer.compareUnsigned(base, best) > 0)) {
                best = base;
            }
        }
        if (best == -1 || Integer.toUnsignedLong(address) - Integer.toUnsignedLong(best) >= 0x4000) {
            return String.format("peripheral space 0x%08X", address & ~0x3FF);
        }
        return PERIPHERALS.get(best);
    }

    /** The base address of USART{@code n}. */
    public static int usartBase(int n) {
        return switch (n) {
            case 0 -> USART0_BASE;
            case 1 -> USART1_BASE;
            case 2 -> USART2_BASE;
            case 3 -> USART3_BASE;
            default -> throw new IllegalArgumentException("the SAM4L has USART0..USART3, not USART" + n);
        };
    }

    /** The base address of TWIM{@code n}. */
    public static int twimBase(int n) {
        return switch (n) {
            case 0 -> TWIM0_BASE;
            case 1 -> TWIM1_BASE;
            case 2 -> TWIM2_BASE;
            case 3 -> TWIM3_BASE;
            default -> throw new IllegalArgumentException("the SAM4L has TWIM0..TWIM3, not TWIM" + n);
        };
    }

    /** The DMA buffer of PDCA channel {@code channel}. */
    public static int dmaBuffer(int channel) {
        return DRIVER_RAM_START + channel * DMA_BUFFER_SIZE;
    }

    private Sam4lMemoryMap() {}
}
