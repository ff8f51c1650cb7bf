package org.tock4j.chips.sam4l;

import org.tock4j.chips.sam4l.hardware.PmModel;

/**
 * A module clock the PM gates: a bit in one of its mask registers. Pass one to
 * {@link PowerManager#enableClock}.
 *
 * <pre>{@code
 * pm.enableClock(Clock.Pba.USART3);
 * pm.isClockEnabled(Clock.Hsb.PDCA);
 * }</pre>
 *
 * <p>Tock counterpart: {@code sam4l::pm::Clock} with {@code HSBClock}, {@code PBAClock}, {@code PBBClock},
 * {@code PBCClock} and {@code PBDClock}.
 */
public sealed interface Clock {

    /** The PM mask register holding the bit. */
    int maskOffset();

    /** The bit in the mask register. */
    int bit();

    /** Clocks on the high-speed bus (HSBMASK). */
    enum Hsb implements Clock {
        PDCA, FLASHCALW, FLASHCALWP, USBC, CRCCU, APBA, APBB, APBC, APBD, AESA;

        @Override
        public int maskOffset() {
            return PmModel.HSBMASK;
        }

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Clocks on peripheral bus A (PBAMASK). */
    enum Pba implements Clock {
        IISC, SPI, TC0, TC1, TWIM0, TWIS0, TWIM1, TWIS1, USART0, USART1, USART2, USART3, ADCIFE, DACC, ACIFC,
        GLOC, ABDACB, TRNG, PARC, CATB, RESERVED, TWIM2, TWIM3, LCDCA;

        @Override
        public int maskOffset() {
            return PmModel.PBAMASK;
        }

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Clocks on peripheral bus B (PBBMASK). */
    enum Pbb implements Clock {
        FLASHCALW, HRAMC1, HMATRIX, PDCA, CRCCU, USBC, PEVC;

        @Override
        public int maskOffset() {
            return PmModel.PBBMASK;
        }

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Clocks on peripheral bus C (PBCMASK). */
    enum Pbc implements Clock {
        PM, CHIPID, SCIF, FREQM, GPIO;

        @Override
        public int maskOffset() {
            return PmModel.PBCMASK;
        }

        @Override
        public int bit() {
            return ordinal();
        }
    }

    /** Clocks on peripheral bus D (PBDMASK). */
    enum Pbd implements Clock {
        BPM, BSCIF, AST, WDT, EIC, PICOUART;

        @Override
        public int maskOffset() {
            return PmModel.PBDMASK;
        }

        @Override
        public int bit() {
            return ordinal();
        }
    }
}
