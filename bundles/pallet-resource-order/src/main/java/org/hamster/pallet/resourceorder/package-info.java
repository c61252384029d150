/**
 * ResourceOrder pallet API: pay-per-hour leasing with escrow, provider pledges and heartbeats.
 *
 * <h2>Calls ({@link org.hamster.pallet.resourceorder.ResourceOrderCall}, all signed)</h2>
 * 0 pledge, 1 withdraw_pledge, 2 create_order, 3 cancel_order, 4 exec_order, 5 renew, 6 heartbeat,
 * 7 withdraw_rent, 8 claim_refund.
 *
 * <h2>Money</h2>
 * <ul>
 * <li>A tenant's order pays {@code price_per_hour x hours} (checked u128) into the escrow account
 * {@link org.hamster.pallet.resourceorder.ResourceOrderStorage#ESCROW} (PalletId {@code hm/order}, endowed with
 * the existential deposit at genesis). Payments keep the payer alive.</li>
 * <li>A provider's pledge is reserved balance of its own account ({@code Currency.reserve}). exec_order locks
 * free pledge 1:1 with the order's amount (renewals add theirs); the lock is released when the lease finishes and
 * slashed when it is punished. Only the free part can be withdrawn.</li>
 * <li>A heartbeat settles rent pro rata: the unsettled amount times the elapsed share of the time left
 * ({@code (now - lastSettled) / (end - lastSettled)}, rounded down). withdraw_rent pays out what heartbeats settled.
 * At the end, the rest up to the end is settled and paid to the provider directly (left to withdraw if that
 * transfer cannot be made).</li>
 * <li>Missed heartbeat: the unserved rent ({@code amount - settled}) and the agreement's pledge lock, slashed from
 * the provider's reserve into escrow, are credited to the tenant's refunds (claim_refund). The slash goes to the
 * tenant in full (there is no treasury); nothing is burnt, so the total issuance never changes. Other agreements
 * of the provider keep their locks.</li>
 * <li>cancel_order and a timeout refund the order's amount directly (to the claimable refunds if the transfer
 * fails, e.g. to a reaped account below the existential deposit).</li>
 * </ul>
 * So the escrow's free balance is always the existential deposit plus the amounts of Pending orders, plus
 * {@code amount - withdrawn} of Using agreements and {@code settled - withdrawn} of closed ones, plus all Refunds.
 *
 * <h2>Time (chain time in ms, never block counts)</h2>
 * An order waits at most {@code orderTimeout}; exec after that fails (OrderExpired) and the schedule refunds it.
 * A lease runs {@code hours x hourMs} (hourMs of the Provider pallet) from exec. The provider must heartbeat at
 * most {@code heartbeatTolerance} after the previous heartbeat, the first one at most {@code graceAllowance +
 * heartbeatTolerance} after the start; the deadline is {@code max(lastHeartbeat, start + graceAllowance) +
 * heartbeatTolerance}, and a lease that ends before its deadline needs no further heartbeat. Renewals: the
 * tenant (FIX: only the tenant) pays now at the current price, and the provider's exec extends the end and the
 * pledge lock; they need the lease to be running and the new end to fit the resource's end of rent.
 * Tasks (timeouts, health checks, lease ends, purges) are keyed by slot = due time / {@code slotMs} in
 * ResourceOrder.Schedule, sorted by slot; on_initialize takes due tasks earliest first, at most
 * {@code maxScheduledPerBlock} per block, and continues in the next block. A task runs in the first block whose
 * time reaches its slot, so any number of agreements may end in the same slot (FIX). Closed orders and agreements
 * are deleted {@code historyRetention} after they closed (an agreement with rent left only by the last
 * withdraw_rent), so storage does not grow without bound.
 *
 * <h2>Constants (chain spec {@code constants} of the ResourceOrder pallet; all optional, dev defaults shown)</h2>
 * <ul>
 * <li>{@code slotMs} = 6000: schedule granularity, ms.</li>
 * <li>{@code maxScheduledPerBlock} = 100: tasks run per block at most (1..100000).</li>
 * <li>{@code orderTimeout} = 1800000 (30 min): how long a pending order waits for the provider.</li>
 * <li>{@code heartbeatTolerance} = 900000 (15 min): longest gap between heartbeats; providers should heartbeat
 * well within it (e.g. every 5 min).</li>
 * <li>{@code graceAllowance} = 600000 (10 min): extra time before the first heartbeat is due (machine start-up).</li>
 * <li>{@code historyRetention} = 86400000 (24 h): how long closed orders and agreements stay readable.</li>
 * <li>{@code maxSshKeyLength} = 2048: bytes of the SSH public key line (80..65536).</li>
 * </ul>
 * Durations are at most ten years. Unknown constant names and out-of-range values are refused with an
 * IllegalArgumentException.
 */
@Version("0.1.0")
package org.hamster.pallet.resourceorder;

import org.osgi.annotation.versioning.Version;
