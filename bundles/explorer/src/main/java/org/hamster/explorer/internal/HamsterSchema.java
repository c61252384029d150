package org.hamster.explorer.internal;

import static org.hamster.explorer.internal.Schema.field;
import static org.hamster.explorer.internal.Types.ACCOUNT;
import static org.hamster.explorer.internal.Types.ADDRESS;
import static org.hamster.explorer.internal.Types.BALANCE;
import static org.hamster.explorer.internal.Types.BOOL;
import static org.hamster.explorer.internal.Types.BYTES;
import static org.hamster.explorer.internal.Types.CALL;
import static org.hamster.explorer.internal.Types.COMPACT;
import static org.hamster.explorer.internal.Types.COMPACT_BALANCE;
import static org.hamster.explorer.internal.Types.COMPACT_MOMENT;
import static org.hamster.explorer.internal.Types.DISPATCH_ERROR;
import static org.hamster.explorer.internal.Types.DISPATCH_INFO;
import static org.hamster.explorer.internal.Types.DISPATCH_RESULT;
import static org.hamster.explorer.internal.Types.HASH;
import static org.hamster.explorer.internal.Types.MOMENT;
import static org.hamster.explorer.internal.Types.U32;
import static org.hamster.explorer.internal.Types.U64;
import static org.hamster.explorer.internal.Types.U8;
import static org.hamster.explorer.internal.Types.enumOf;
import static org.hamster.explorer.internal.Types.option;

import org.hamster.pallet.balances.BalanceStatus;
import org.hamster.pallet.balances.BalancesStorage;
import org.hamster.pallet.gateway.GatewayStorage;
import org.hamster.pallet.gateway.RemovalReason;
import org.hamster.pallet.provider.ProviderStorage;
import org.hamster.pallet.provider.ResourceStatus;
import org.hamster.pallet.resourceorder.ResourceOrderStorage;
import org.hamster.pallet.sudo.SudoStorage;
import org.hamster.pallet.system.SystemStorage;
import org.hamster.pallet.timestamp.TimestampStorage;
import org.hamster.pallet.transactionpayment.TransactionPaymentStorage;

/**
 * The calls and events of the Hamster runtime's pallets, as their API bundles encode them (SchemaTest checks each
 * entry against the pallets' own call and event records). Call names are Substrate's (snake case), event names
 * and field names those of the records.
 */
final class HamsterSchema {
    static final Schema SCHEMA = Schema.builder()
            .pallet(SystemStorage.PALLET)
            .call(0, "remark", field("remark", BYTES))
            .call(7, "remark_with_event", field("remark", BYTES))
            .event(0, "ExtrinsicSuccess", field("info", DISPATCH_INFO))
            .event(1, "ExtrinsicFailed", field("error", DISPATCH_ERROR), field("info", DISPATCH_INFO))
            .event(2, "CodeUpdated")
            .event(3, "NewAccount", field("account", ACCOUNT))
            .event(4, "KilledAccount", field("account", ACCOUNT))
            .event(5, "Remarked", field("sender", ACCOUNT), field("hash", HASH))

            .pallet(TimestampStorage.PALLET)
            .call(0, "set", field("now", COMPACT_MOMENT))

            .pallet(BalancesStorage.PALLET)
            .call(0, "transfer_allow_death", field("dest", ADDRESS), field("value", COMPACT_BALANCE))
            .call(2, "force_transfer", field("source", ADDRESS), field("dest", ADDRESS),
                    field("value", COMPACT_BALANCE))
            .call(3, "transfer_keep_alive", field("dest", ADDRESS), field("value", COMPACT_BALANCE))
            .call(4, "transfer_all", field("dest", ADDRESS), field("keepAlive", BOOL))
            .call(8, "force_set_balance", field("who", ADDRESS), field("newFree", COMPACT_BALANCE))
            .event(0, "Endowed", field("account", ACCOUNT), field("freeBalance", BALANCE))
            .event(1, "DustLost", field("account", ACCOUNT), field("amount", BALANCE))
            .event(2, "Transfer", field("from", ACCOUNT), field("to", ACCOUNT), field("amount", BALANCE))
            .event(3, "BalanceSet", field("who", ACCOUNT), field("free", BALANCE))
            .event(4, "Reserved", field("who", ACCOUNT), field("amount", BALANCE))
            .event(5, "Unreserved", field("who", ACCOUNT), field("amount", BALANCE))
            .event(6, "ReserveRepatriated", field("from", ACCOUNT), field("to", ACCOUNT), field("amount", BALANCE),
                    field("status", enumOf(BalanceStatus.class)))
            .event(7, "Deposit", field("who", ACCOUNT), field("amount", BALANCE))
            .event(8, "Withdraw", field("who", ACCOUNT), field("amount", BALANCE))
            .event(9, "Slashed", field("who", ACCOUNT), field("amount", BALANCE))

            .pallet(TransactionPaymentStorage.PALLET)
            .event(0, "TransactionFeePaid", field("who", ACCOUNT), field("actualFee", BALANCE),
                    field("tip", BALANCE))

            .pallet(SudoStorage.PALLET)
            .call(0, "sudo", field("call", CALL))
            .call(1, "sudo_unchecked_weight", field("call", CALL), field("refTime", COMPACT),
                    field("proofSize", COMPACT))
            .call(2, "set_key", field("newKey", ADDRESS))
            .call(3, "sudo_as", field("who", ADDRESS), field("call", CALL))
            .call(4, "remove_key")
            .event(0, "Sudid", field("error", DISPATCH_RESULT))
            .event(1, "KeyChanged", field("old", option(ACCOUNT)), field("newKey", ACCOUNT))
            .event(2, "KeyRemoved")
            .event(3, "SudoAsDone", field("error", DISPATCH_RESULT))

            .pallet(ProviderStorage.PALLET)
            .call(0, "register_resource", field("peerId", BYTES), field("cpu", U64), field("memoryGiB", U64),
                    field("diskGiB", U64), field("system", BYTES), field("cpuModel", BYTES),
                    field("pricePerHour", COMPACT_BALANCE), field("rentableHours", U32), field("gpu", option(BYTES)),
                    field("region", option(BYTES)))
            .call(1, "modify_resource_price", field("resource", U64), field("pricePerHour", COMPACT_BALANCE))
            .call(2, "add_resource_duration", field("resource", U64), field("hours", U32))
            .call(3, "remove_resource", field("resource", U64))
            .call(4, "relist", field("resource", U64))
            .call(5, "offline", field("resource", U64))
            .event(0, "ResourceRegistered", field("resource", U64), field("owner", ACCOUNT), field("peerId", BYTES),
                    field("pricePerHour", BALANCE), field("endOfRent", MOMENT))
            .event(1, "ResourcePriceChanged", field("resource", U64), field("owner", ACCOUNT),
                    field("pricePerHour", BALANCE))
            .event(2, "ResourceDurationAdded", field("resource", U64), field("owner", ACCOUNT), field("hours", U32),
                    field("endOfRent", MOMENT))
            .event(3, "ResourceRemoved", field("resource", U64), field("owner", ACCOUNT))
            .event(4, "ResourceRelisted", field("resource", U64), field("owner", ACCOUNT))
            .event(5, "ResourceStatusChanged", field("resource", U64),
                    field("status", enumOf(ResourceStatus.class)))
            .event(6, "ResourceExpired", field("resource", U64), field("owner", ACCOUNT))
            .event(7, "ResourceOffline", field("resource", U64), field("owner", ACCOUNT))

            .pallet(ResourceOrderStorage.PALLET)
            .call(0, "pledge", field("amount", COMPACT_BALANCE))
            .call(1, "withdraw_pledge", field("amount", COMPACT_BALANCE))
            .call(2, "create_order", field("resource", U64), field("hours", U32), field("sshPublicKey", BYTES))
            .call(3, "cancel_order", field("order", U64))
            .call(4, "exec_order", field("order", U64))
            .call(5, "renew", field("agreement", U64), field("hours", U32))
            .call(6, "heartbeat", field("agreement", U64))
            .call(7, "withdraw_rent", field("agreement", U64))
            .call(8, "claim_refund")
            .event(0, "Pledged", field("who", ACCOUNT), field("amount", BALANCE))
            .event(1, "PledgeWithdrawn", field("who", ACCOUNT), field("amount", BALANCE))
            .event(2, "OrderCreated", field("order", U64), field("tenant", ACCOUNT), field("provider", ACCOUNT),
                    field("resource", U64), field("hours", U32), field("amount", BALANCE),
                    field("sshPublicKey", BYTES))
            .event(3, "RenewalOrdered", field("order", U64), field("tenant", ACCOUNT), field("provider", ACCOUNT),
                    field("agreement", U64), field("hours", U32), field("amount", BALANCE))
            .event(4, "OrderCanceled", field("order", U64), field("tenant", ACCOUNT), field("refund", BALANCE))
            .event(5, "OrderTimedOut", field("order", U64), field("tenant", ACCOUNT), field("refund", BALANCE))
            .event(6, "AgreementStarted", field("agreement", U64), field("order", U64), field("provider", ACCOUNT),
                    field("tenant", ACCOUNT), field("resource", U64), field("start", MOMENT), field("end", MOMENT),
                    field("pledgeLocked", BALANCE))
            .event(7, "AgreementRenewed", field("agreement", U64), field("order", U64), field("end", MOMENT),
                    field("pledgeLocked", BALANCE))
            .event(8, "HeartbeatReceived", field("agreement", U64), field("provider", ACCOUNT),
                    field("settled", BALANCE), field("at", MOMENT))
            .event(9, "RentWithdrawn", field("agreement", U64), field("provider", ACCOUNT), field("amount", BALANCE))
            .event(10, "AgreementFinished", field("agreement", U64), field("resource", U64),
                    field("provider", ACCOUNT), field("paid", BALANCE))
            .event(11, "AgreementPunished", field("agreement", U64), field("resource", U64),
                    field("provider", ACCOUNT), field("tenant", ACCOUNT), field("refund", BALANCE),
                    field("slashed", BALANCE))
            .event(12, "RefundCredited", field("who", ACCOUNT), field("amount", BALANCE))
            .event(13, "RefundClaimed", field("who", ACCOUNT), field("amount", BALANCE))
            .event(14, "OrderRemoved", field("order", U64))
            .event(15, "AgreementRemoved", field("agreement", U64))

            .pallet(GatewayStorage.PALLET)
            .call(0, "register_gateway", field("multiaddr", BYTES))
            .call(1, "heartbeat", field("peerId", BYTES))
            .call(2, "deregister", field("peerId", BYTES))
            .call(3, "force_remove", field("peerId", BYTES), field("penaltyPercent", U8))
            .event(0, "GatewayRegistered", field("who", ACCOUNT), field("peerId", BYTES), field("multiaddr", BYTES))
            .event(1, "Heartbeat", field("who", ACCOUNT), field("peerId", BYTES))
            .event(2, "GatewayDeregistered", field("who", ACCOUNT), field("peerId", BYTES))
            .event(3, "GatewayRemoved", field("who", ACCOUNT), field("peerId", BYTES),
                    field("reason", enumOf(RemovalReason.class)), field("penalty", BALANCE))
            .build();

    private HamsterSchema() {
    }
}
