/**
 * Provider pallet API: providers list machines for rent; the market pallet drives their status through
 * {@link org.hamster.pallet.provider.Resources}.
 *
 * <h2>Calls ({@link org.hamster.pallet.provider.ProviderCall}, all signed)</h2>
 * 0 register_resource, 1 modify_resource_price, 2 add_resource_duration, 3 remove_resource, 4 relist, 5 offline.
 * A resource is {@code Unused -> Locked (order placed) -> Inuse (order executed) -> Unused (lease ended)} or
 * {@code -> Offline (provider faulted)}; offline takes an Unused resource off the market by its owner's choice (no
 * fault recorded, still listed; refused while a tenant holds it); relist brings Offline back to Unused.
 * remove_resource accepts only Unused and Offline resources, so a resource is never deleted under a tenant. A price
 * change applies to orders and renewals placed afterwards; a pending order and a running lease keep the price they
 * were made at.
 *
 * <h2>Time</h2>
 * All durations are chain time (ms, the Timestamp pallet's now), never block counts: with instant seal blocks
 * are irregular. A listing ends at {@code endOfRent = registration time + rentable_hours x hourMs} (moved later by
 * add_resource_duration); no lease may be ordered past it. The end is scheduled in slot
 * {@code ceil(endOfRent / slotMs)}; on_initialize handles due slots, at most {@code maxScheduledPerBlock} entries
 * per block, continuing in the next block. A listing that ends while a tenant holds it stays until that lease
 * ends, and is removed then instead of returning to Unused.
 *
 * <h2>Constants (chain spec {@code constants} of the Provider pallet; all optional, dev defaults shown)</h2>
 * <ul>
 * <li>{@code hourMs} = 3600000: ms in one rentable hour (tests may shorten it). The ResourceOrder pallet uses this
 * value too, through {@link org.hamster.pallet.provider.Resources#hourMs()}.</li>
 * <li>{@code slotMs} = 6000: granularity of the end-of-listing schedule, ms.</li>
 * <li>{@code maxScheduledPerBlock} = 100: schedule entries handled per block at most (1..100000).</li>
 * <li>{@code maxCpu} = 64, {@code maxMemoryGiB} = 256, {@code maxDiskGiB} = 16384: upper bounds of cpu, memory
 * and disk (each must be at least 1).</li>
 * <li>{@code maxTextLength} = 128: bytes of system, cpu_model, gpu and region (non-empty UTF-8, no control
 * characters).</li>
 * <li>{@code maxPeerIdLength} = 128: characters of the peer id text (46..1024).</li>
 * <li>{@code minPricePerHour} = "1": lowest price per hour in planck (u128 decimal string, greater than 0).</li>
 * <li>{@code maxRentableHours} = 8760: hours a listing may reach ahead of now (at registration and when extended),
 * at most 2^32-1.</li>
 * <li>{@code maxResourcesPerProvider} = 32: resources one account may list at once.</li>
 * </ul>
 * Unknown constant names and out-of-range values are refused with an IllegalArgumentException.
 */
@Version("0.2.0")
package org.hamster.pallet.provider;

import org.osgi.annotation.versioning.Version;
