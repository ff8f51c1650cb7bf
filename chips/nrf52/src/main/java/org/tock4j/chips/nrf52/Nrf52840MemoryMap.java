package org.tock4j.chips.nrf52;

import java.util.Map;

/**
 * The nRF52840's memory map (product specification 4.2.3 and 4.2.4): code flash, data RAM and peripherals.
 *
 * <pre>
 *   0x0000_0000  FLASH  1 MiB      app TBFs go where the board says (Tock's layout: after the kernel)
 *   0x1000_0000  FICR, 0x1000_1000 UICR
 *   0x2000_0000  RAM    256 KiB    the first DRIVER_RAM_SIZE bytes hold the chip drivers' DMA buffers
 *   0x4000_0000  APB peripherals (one 4 KiB slot per peripheral ID)
 *   0x5000_0000  GPIO P0, 0x5000_0300 GPIO P1
 *   0xE000_0000  Cortex-M4 private peripherals (NVIC, SysTick, MPU)
 * </pre>
 *
 * <p>Tock counterpart: {@code boards/nordic/nrf52840_chip_layout.ld} and the peripherals' base addresses.
 */
public final class Nrf52840MemoryMap {
    public static final int FLASH_START = 0x0000_0000;
    public static final int FLASH_SIZE = 0x0010_0000;
    public static final int FICR_BASE = 0x1000_0000;
    public static final int UICR_BASE = 0x1000_1000;
    public static final int RAM_START = 0x2000_0000;
    public static final int RAM_SIZE = 0x0004_0000;

    /**
     * RAM the chip's drivers use for EasyDMA buffers (Tock keeps such buffers in kernel statics). Boards
     * place process RAM at or above {@link #DRIVER_RAM_END}.
     */
    public static final int DRIVER_RAM_START = RAM_START;
    public static final int DRIVER_RAM_SIZE = 0x1000;
    public static final int DRIVER_RAM_END = DRIVER_RAM_START + DRIVER_RAM_SIZE;
    /** UARTE0's TX and RX EasyDMA buffers (255 bytes each, the driver's chunk size). */
    public static final int UARTE0_TX_DMA_BUFFER = DRIVER_RAM_START;
    public static final int UARTE0_RX_DMA_BUFFER = DRIVER_RAM_START + 0x100;
    /** UARTE1's TX and RX EasyDMA buffers (255 bytes each). */
    public static final int UARTE1_TX_DMA_BUFFER = DRIVER_RAM_START + 0x200;
    public static final int UARTE1_RX_DMA_BUFFER = DRIVER_RAM_START + 0x300;
    /** TWIM0's TX and RX EasyDMA buffers, {@link #TWIM0_DMA_BUFFER_SIZE} bytes each. */
    public static final int TWIM0_TX_DMA_BUFFER = DRIVER_RAM_START + 0x400;
    public static final int TWIM0_RX_DMA_BUFFER = DRIVER_RAM_START + 0x500;
    public static final int TWIM0_DMA_BUFFER_SIZE = 0x100;
    /** SPIM0's TX and RX EasyDMA buffers, {@link #SPIM0_DMA_BUFFER_SIZE} bytes each. */
    public static final int SPIM0_TX_DMA_BUFFER = DRIVER_RAM_START + 0x800;
    public static final int SPIM0_RX_DMA_BUFFER = DRIVER_RAM_START + 0xC00;
    public static final int SPIM0_DMA_BUFFER_SIZE = 0x400;

    public static final int APB_PERIPHERALS_START = 0x4000_0000;
    public static final int APB_PERIPHERALS_SIZE = 0x0003_0000;
    public static final int CLOCK_BASE = 0x4000_0000;
    public static final int POWER_BASE = 0x4000_0000;
    public static final int UARTE0_BASE = 0x4000_2000;
    /** SPIM0 and TWIM0 share this slot (peripheral ID 3): only one may be enabled at a time. */
    public static final int SPIM0_TWIM0_BASE = 0x4000_3000;
    public static final int GPIOTE_BASE = 0x4000_6000;
    public static final int TIMER0_BASE = 0x4000_8000;
    public static final int TIMER1_BASE = 0x4000_9000;
    public static final int TIMER2_BASE = 0x4000_A000;
    public static final int RTC0_BASE = 0x4000_B000;
    public static final int TEMP_BASE = 0x4000_C000;
    public static final int RNG_BASE = 0x4000_D000;
    public static final int RTC1_BASE = 0x4001_1000;
    public static final int TIMER3_BASE = 0x4001_A000;
    public static final int TIMER4_BASE = 0x4001_B000;
    public static final int NVMC_BASE = 0x4001_E000;
    public static final int RTC2_BASE = 0x4002_4000;
    public static final int UARTE1_BASE = 0x4002_8000;
    /** Bytes per flash page: what NVMC ERASEPAGE erases. */
    public static final int FLASH_PAGE_SIZE = 4096;
    public static final int GPIO_P0_BASE = 0x5000_0000;
    public static final int GPIO_P1_BASE = 0x5000_0300;
    public static final int AHB_PERIPHERALS_START = 0x5000_0000;
    public static final int AHB_PERIPHERALS_SIZE = 0x0003_0000;
    public static final int PRIVATE_PERIPHERALS_START = 0xE000_0000;
    public static final int PRIVATE_PERIPHERALS_SIZE = 0x0010_0000;

    /** Every APB peripheral slot by base address (product specification 4.2.4, instantiation table). */
    public static final Map<Integer, String> PERIPHERALS = Map.ofEntries(
            Map.entry(0x4000_0000, "CLOCK/POWER"), Map.entry(0x4000_1000, "RADIO"),
            Map.entry(0x4000_2000, "UARTE0"), Map.entry(0x4000_3000, "SPIM0/TWIM0"),
            Map.entry(0x4000_4000, "SPIM1/TWIM1"), Map.entry(0x4000_5000, "NFCT"),
            Map.entry(0x4000_6000, "GPIOTE"), Map.entry(0x4000_7000, "SAADC"),
            Map.entry(0x4000_8000, "TIMER0"), Map.entry(0x4000_9000, "TIMER1"),
            Map.entry(0x4000_A000, "TIMER2"), Map.entry(0x4000_B000, "RTC0"),
            Map.entry(0x4000_C000, "TEMP"), Map.entry(0x4000_D000, "RNG"),
            Map.entry(0x4000_E000, "ECB"), Map.entry(0x4000_F000, "AAR/CCM"),
            Map.entry(0x4001_0000, "WDT"), Map.entry(0x4001_1000, "RTC1"),
            Map.entry(0x4001_2000, "QDEC"), Map.entry(0x4001_3000, "COMP/LPCOMP"),
            Map.entry(0x4001_4000, "EGU0/SWI0"), Map.entry(0x4001_5000, "EGU1/SWI1"),
            Map.entry(0x4001_6000, "EGU2/SWI2"), Map.entry(0x4001_7000, "EGU3/SWI3"),
            Map.entry(0x4001_8000, "EGU4/SWI4"), Map.entry(0x4001_9000, "EGU5/SWI5"),
            Map.entry(0x4001_A000, "TIMER3"), Map.entry(0x4001_B000, "TIMER4"),
            Map.entry(0x4001_C000, "PWM0"), Map.entry(0x4001_D000, "PDM"),
            Map.entry(0x4001_E000, "ACL/NVMC"), Map.entry(0x4001_F000, "PPI"),
            Map.entry(0x4002_0000, "MWU"), Map.entry(0x4002_1000, "PWM1"),
            Map.entry(0x4002_2000, "PWM2"), Map.entry(0x4002_3000, "SPIM2"),
            Map.entry(0x4002_4000, "RTC2"), Map.entry(0x4002_5000, "I2S"),
            Map.entry(0x4002_6000, "FPU"), Map.entry(0x4002_7000, "USBD"),
            Map.entry(0x4002_8000, "UARTE1"), Map.entry(0x4002_9000, "QSPI"),
            Map.entry(0x4002_D000, "PWM3"), Map.entry(0x4002_F000, "SPIM3"));

    /** The peripheral whose slot holds {@code address}. */
    public static String peripheralAt(int address) {
        int slot = address & ~0xFFF;
        String known = PERIPHERALS.get(slot);
        return known != null ? known : String.format("peripheral slot 0x%08X", slot);
    }

    private Nrf52840MemoryMap() {}
}
