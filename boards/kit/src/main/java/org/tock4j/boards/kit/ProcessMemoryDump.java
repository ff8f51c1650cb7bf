package org.tock4j.boards.kit;

import java.util.ArrayList;
import java.util.List;

import org.tock4j.kernel.platform.PhysicalMemory;
import org.tock4j.kernel.process.Process;
import org.tock4j.kernel.process.ProcessAddresses;
import org.tock4j.kernel.process.ProcessSizes;

/**
 * A process's memory read back from its RAM bytes: the grant pointer table at the top, and for each allocated
 * grant its counters word, saved upcalls and saved allows, at the addresses Tock's {@code grant.rs} layout puts
 * them.
 *
 * <pre>
 *   end ┌ grant pointer table: (driver_num, grant_ptr) × grants
 *       ├ upcall queue, process control block
 *       ├ grants: counters │ upcalls (appdata, fn) │ RO (ptr, len) │ RW (ptr, len) │ padding │ T
 *       ├ kernel memory break … free … app break
 *  start└ app memory
 * </pre>
 */
public record ProcessMemoryDump(String processName, ProcessAddresses addresses, ProcessSizes sizes,
        int grantPointerTable, List<GrantEntry> grants) {

    /** One entry of the grant pointer table and, if allocated, what the grant holds. */
    public record GrantEntry(int grantNum, int entryAddress, int driverNum, int grantPtr, boolean entered,
            int counters, List<Saved> upcalls, List<Saved> readOnlyAllows, List<Saved> readWriteAllows) {

        public boolean allocated() {
            return grantPtr != 0;
        }

        public int upcallCount() {
            return counters & 0xFF;
        }

        public int allowRoCount() {
            return (counters >>> 8) & 0xFF;
        }

        public int allowRwCount() {
            return (counters >>> 16) & 0xFF;
        }
    }

    /** A saved upcall (appdata, fn pointer) or allow (pointer, length), with the address it is stored at. */
    public record Saved(int address, int first, int second) {}

    /** Reads the dump of {@code process} from {@code memory}. */
    public static ProcessMemoryDump of(Process process, PhysicalMemory memory, int grantCount) {
        ProcessAddresses a = process.getAddresses();
        ProcessSizes sizes = process.getSizes();
        int table = a.sramEnd() - sizes.grantPointers();
        table -= Integer.remainderUnsigned(a.sramEnd(), 4);
        List<GrantEntry> grants = new ArrayList<>();
        for (int g = 0; g < grantCount; g++) {
            int entry = table + g * 8;
            int driver = memory.read32(entry);
            int rawPtr = memory.read32(entry + 4);
            int ptr = rawPtr & ~1;
            if (ptr == 0) {
                grants.add(new GrantEntry(g, entry, driver, 0, false, 0, List.of(), List.of(), List.of()));
                continue;
            }
            int counters = memory.read32(ptr);
            int n = counters & 0xFF;
            int ro = (counters >>> 8) & 0xFF;
            int rw = (counters >>> 16) & 0xFF;
            int at = ptr + 4;
            List<Saved> upcalls = read(memory, at, n);
            at += 8 * n;
            List<Saved> ros = read(memory, at, ro);
            at += 8 * ro;
            List<Saved> rws = read(memory, at, rw);
            grants.add(new GrantEntry(g, entry, driver, ptr, (rawPtr & 1) == 1, counters, upcalls, ros, rws));
        }
        return new ProcessMemoryDump(process.getProcessName(), a, sizes, table, grants);
    }

    private static List<Saved> read(PhysicalMemory memory, int at, int count) {
        List<Saved> saved = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            saved.add(new Saved(at + 8 * i, memory.read32(at + 8 * i), memory.read32(at + 8 * i + 4)));
        }
        return saved;
    }

    /** The dump drawn like the diagrams of Tock's {@code grant.rs}. */
    public String render() {
        StringBuilder out = new StringBuilder();
        ProcessAddresses a = addresses;
        out.append(String.format("Process %s: RAM %s..%s, flash %s..%s%n", processName, hex(a.sramStart()),
                hex(a.sramEnd()), hex(a.flashStart()), hex(a.flashEnd())));
        out.append(String.format("  %s ┌──────────────────────────────────────────── memory end%n", hex(a.sramEnd())));
        out.append(String.format("             │ grant pointer table (%d B)%n", sizes.grantPointers()));
        for (int i = grants.size() - 1; i >= 0; i--) {
            GrantEntry g = grants.get(i);
            out.append(String.format("  %s │   grant %-2d driver %#-8x ptr %s%s%n", hex(g.entryAddress()), g.grantNum(),
                    g.driverNum(), hex(g.grantPtr()), g.allocated() ? (g.entered() ? " (entered)" : "")
                            : " (not allocated)"));
        }
        out.append(String.format("  %s ├─ upcall queue (%d B), process control block (%d B)%n", hex(grantPointerTable),
                sizes.upcallList(), sizes.processControlBlock()));
        int structs = grantPointerTable - sizes.upcallList() - sizes.processControlBlock();
        out.append(String.format("  %s ├─ grants%n", hex(structs)));
        List<GrantEntry> byAddress = new ArrayList<>(grants.stream().filter(GrantEntry::allocated).toList());
        byAddress.sort((x, y) -> Integer.compareUnsigned(y.grantPtr(), x.grantPtr()));
        for (GrantEntry g : byAddress) {
            out.append(String.format("  %s │   grant %d (driver %#x): counters %#010x = %d upcalls, %d RO, %d RW%n",
                    hex(g.grantPtr()), g.grantNum(), g.driverNum(), g.counters(), g.upcallCount(), g.allowRoCount(),
                    g.allowRwCount()));
            for (int i = 0; i < g.upcalls().size(); i++) {
                Saved s = g.upcalls().get(i);
                out.append(String.format("  %s │     upcall %d: appdata %#x fn %s%n", hex(s.address()), i, s.first(),
                        hex(s.second())));
            }
            for (int i = 0; i < g.readOnlyAllows().size(); i++) {
                Saved s = g.readOnlyAllows().get(i);
                out.append(String.format("  %s │     read-only allow %d: %s len %d%n", hex(s.address()), i,
                        hex(s.first()), s.second()));
            }
            for (int i = 0; i < g.readWriteAllows().size(); i++) {
                Saved s = g.readWriteAllows().get(i);
                out.append(String.format("  %s │     read-write allow %d: %s len %d%n", hex(s.address()), i,
                        hex(s.first()), s.second()));
            }
        }
        out.append(String.format("  %s ├─ kernel memory break%n", hex(a.sramGrantStart())));
        out.append("             │ free\n");
        out.append(String.format("  %s ├─ app break%n", hex(a.sramAppBrk())));
        out.append("             │ app memory\n");
        out.append(String.format("  %s └──────────────────────────────────────────── memory start%n", hex(a.sramStart())));
        return out.toString();
    }

    private static String hex(int v) {
        return String.format("0x%08x", v);
    }
}
