// Seed 001 (聊城市公共资源交易中心): the shipped drills play as the plan intends, and fail when ignored.
#include "tests/scenarios/scenario_run.hpp"

using namespace drillsim;
using test::Responders;
using test::done;
using test::fact;
using test::health;

namespace {
const std::string dir = "001_liaocheng/";
const std::string comprehensive = dir + "scenarios/annual_comprehensive.yaml";
const std::string ca_own = dir + "scenarios/decrypt_ca_own.yaml";
const std::string ca_system = dir + "scenarios/decrypt_ca_system.yaml";
const std::string server_outage = dir + "scenarios/server_outage.yaml";
const std::string network_cut = dir + "scenarios/network_cut.yaml";
const std::string db_failure = dir + "scenarios/db_failure.yaml";
const std::string evaluation = dir + "scenarios/evaluation_manual.yaml";
const std::string bid_submission = dir + "scenarios/bid_submission.yaml";
const std::string upload_resources = dir + "scenarios/upload_resources.yaml";
const std::string auction = dir + "scenarios/auction_stop.yaml";
const std::string deposit = dir + "scenarios/deposit.yaml";
const std::string bidder_accounts = dir + "scenarios/bidder_accounts.yaml";



}  // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 annual comprehensive: the plan-following team keeps the whole day's business going") {
  auto d = test::run_scenario(comprehensive, Responders::policy);
  CHECK(test::business(*d, "submission_bidder_c") == BusinessState::held);  // §4.1.1 方案1: driver updated
  CHECK(test::business(*d, "deadline_a") == BusinessState::held);           // §4.1.2: slow, not down
  CHECK(test::business(*d, "opening_a") == BusinessState::held);
  CHECK(test::business(*d, "decryption_a") == BusinessState::held_fallback);  // §4.2.1 2.2: disc imported
  CHECK(fact(*d, "disc_imported"));
  CHECK(test::business(*d, "evaluation_a") == BusinessState::delayed);  // §4.3.1: quick update
  CHECK(test::business(*d, "land_auction_b") == BusinessState::held);
  CHECK(test::held(test::business(*d, "refund_c")));  // §4.6.3 2.1: batch refund through the bank
  CHECK(test::business(*d, "deadline_d") == BusinessState::held);  // §5.1: restart within 100 min
  CHECK(fact(*d, "auction_report_submitted"));                      // §4.4.1 方案1
  CHECK(fact(*d, "filed_it"));                                      // §3.1 一级: 信息技术科备案
  CHECK(health(*d, "app_server") == Health::up);
  CHECK(health(*d, "ca_online") == Health::up);  // the CA company restored its service
  CHECK(d->truth().level_rank == 1);
  CHECK_FALSE(d->truth().data_lost);
}

TEST_CASE("001 annual comprehensive: nobody responding misses the bid, the decryption, the evaluation and the refund") {
  auto d = test::run_scenario(comprehensive, Responders::nobody);
  CHECK(test::business(*d, "submission_bidder_c") == BusinessState::missed);
  CHECK(test::business(*d, "decryption_a") == BusinessState::missed);
  CHECK(test::business(*d, "evaluation_a") == BusinessState::missed);
  CHECK(test::business(*d, "refund_c") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_d") == BusinessState::missed);
  CHECK(health(*d, "app_server") == Health::down);
  CHECK(d->truth().level_rank >= 2);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 CA own cause: the wrong key is fetched in time and the renewed key is ruled on by the project lead") {
  auto d = test::run_scenario(ca_own, Responders::policy);
  CHECK(test::business(*d, "decryption_b") == BusinessState::held);
  CHECK(test::business(*d, "bidder_a_decryption") == BusinessState::held_fallback);
  CHECK(fact(*d, "own_cause_ruled"));
  CHECK_FALSE(fact(*d, "disc_imported"));  // an own cause is not a reason to switch to the discs
  CHECK(health(*d, "tenderer_ca_key") == Health::up);
}

TEST_CASE("001 CA own cause: nobody responding leaves the project and the bidder undecrypted") {
  auto d = test::run_scenario(ca_own, Responders::nobody);
  CHECK(test::business(*d, "decryption_b") == BusinessState::missed);
  CHECK(test::business(*d, "bidder_a_decryption") == BusinessState::missed);
}

TEST_CASE("001 CA system fault: the team waits for the control rollback, then has the locked key unlocked") {
  auto d = test::run_scenario(ca_system, Responders::policy);
  CHECK(test::business(*d, "decryption_e") == BusinessState::held);
  CHECK(test::held(test::business(*d, "bidder_a_decryption")));
  CHECK_FALSE(fact(*d, "disc_imported"));  // fixable before the deadline: wait, no disc
  CHECK(health(*d, "decrypt_service") == Health::up);
  CHECK(health(*d, "bidder_ca_key") == Health::up);
}

TEST_CASE("001 CA system fault: nobody responding misses the decryption deadline") {
  auto d = test::run_scenario(ca_system, Responders::nobody);
  CHECK(test::business(*d, "decryption_e") == BusinessState::missed);
  CHECK(test::business(*d, "bidder_a_decryption") == BusinessState::missed);
  CHECK(health(*d, "decrypt_service") == Health::down);
}

TEST_CASE("001 CA drills: the plan-following team holds the decryption deadlines under other seeds too") {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    CAPTURE(seed);
    auto own = test::run_scenario(ca_own, Responders::policy, seed);
    CHECK(test::held(test::business(*own, "decryption_b")));
    CHECK(test::held(test::business(*own, "bidder_a_decryption")));
    auto sys = test::run_scenario(ca_system, Responders::policy, seed);
    CHECK(test::held(test::business(*sys, "decryption_e")));
    CHECK(test::held(test::business(*sys, "bidder_a_decryption")));
  }
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 server outage: PDF discs keep the opening going, levels 1-3 are run and the server comes back") {
  auto d = test::run_scenario(server_outage, Responders::policy);
  CHECK(test::business(*d, "decryption_f") == BusinessState::held_fallback);
  CHECK(fact(*d, "pdf_manual_review"));  // the unencrypted discs could not be read
  CHECK_FALSE(fact(*d, "disc_manual_review"));
  CHECK(test::business(*d, "evaluation_f") == BusinessState::held_fallback);
  CHECK(fact(*d, "recovery_plan_approved"));  // §5.1 第三步/第四步
  CHECK(d->truth().level_rank == 3);
  CHECK(fact(*d, "emergency_ended"));  // §3.1 三级: the head ends the plan
  CHECK(health(*d, "app_server") == Health::up);
  CHECK(fact(*d, "data_verified"));
}

TEST_CASE("001 server outage: nobody responding loses decryption and evaluation, and the server stays down") {
  auto d = test::run_scenario(server_outage, Responders::nobody);
  CHECK(test::business(*d, "decryption_f") == BusinessState::missed);
  CHECK(test::business(*d, "evaluation_f") == BusinessState::missed);
  CHECK(health(*d, "app_server") == Health::down);
  CHECK(d->truth().level_rank == 3);
}

TEST_CASE("001 network cut: manual review from the unencrypted discs, the operator repairs the line") {
  auto d = test::run_scenario(network_cut, Responders::policy);
  CHECK(test::business(*d, "decryption_n") == BusinessState::held_fallback);
  CHECK(fact(*d, "disc_manual_review"));
  CHECK(health(*d, "wan_line") == Health::up);
  CHECK(fact(*d, "restored_original"));
}

TEST_CASE("001 network cut: nobody responding misses decryption and the line stays cut") {
  auto d = test::run_scenario(network_cut, Responders::nobody);
  CHECK(test::business(*d, "decryption_n") == BusinessState::missed);
  CHECK(health(*d, "wan_line") == Health::down);
}

TEST_CASE("001 database failure: restore from backup within 100 minutes while the opening waits") {
  auto d = test::run_scenario(db_failure, Responders::policy);
  CHECK(test::held(test::business(*d, "decryption_p")));
  CHECK_FALSE(fact(*d, "disc_imported"));
  CHECK_FALSE(fact(*d, "disc_manual_review"));
  CHECK(health(*d, "trade_db") == Health::up);
  CHECK(fact(*d, "data_verified"));
}

TEST_CASE("001 database failure: nobody responding misses decryption and the database stays down") {
  auto d = test::run_scenario(db_failure, Responders::nobody);
  CHECK(test::business(*d, "decryption_p") == BusinessState::missed);
  CHECK(health(*d, "trade_db") == Health::down);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 evaluation failure: manual evaluation with the project lead's approval, data entered afterwards") {
  auto d = test::run_scenario(evaluation, Responders::policy);
  CHECK(test::business(*d, "evaluation_g") == BusinessState::held_fallback);
  CHECK(fact(*d, "manual_eval_approved"));
  CHECK(fact(*d, "eval_data_entered"));
  CHECK(fact(*d, "manual_record_archived"));
  CHECK(fact(*d, "filed_it"));  // level 1: evaluation needed manual intervention
  CHECK(health(*d, "eval_system") == Health::up);
}

TEST_CASE("001 evaluation failure: nobody responding misses the evaluation") {
  auto d = test::run_scenario(evaluation, Responders::nobody);
  CHECK(test::business(*d, "evaluation_g") == BusinessState::missed);
  CHECK(health(*d, "eval_system") == Health::down);
}

TEST_CASE("001 bid submission: the tender file is corrected and the abnormal traffic blocked before the deadline") {
  auto d = test::run_scenario(bid_submission, Responders::policy);
  CHECK(test::business(*d, "submission_h") == BusinessState::held);
  CHECK(test::business(*d, "deadline_h") == BusinessState::held);
  CHECK(health(*d, "tender_file") == Health::up);
  CHECK(health(*d, "bandwidth") == Health::up);
}

TEST_CASE("001 bid submission: nobody responding misses the deadline") {
  auto d = test::run_scenario(bid_submission, Responders::nobody);
  CHECK(test::business(*d, "submission_h") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_h") == BusinessState::missed);
}

TEST_CASE("001 upload resources: a solution agreed with the project lead, the upload service restarted") {
  auto d = test::run_scenario(upload_resources, Responders::policy);
  CHECK(test::business(*d, "submission_j") == BusinessState::held_fallback);
  CHECK(fact(*d, "deadline_solution_agreed"));
  CHECK(test::business(*d, "deadline_j") == BusinessState::held);
  CHECK(health(*d, "bid_upload") == Health::up);
}

TEST_CASE("001 upload resources: nobody responding misses the deadline") {
  auto d = test::run_scenario(upload_resources, Responders::nobody);
  CHECK(test::business(*d, "submission_j") == BusinessState::missed);
  CHECK(test::business(*d, "deadline_j") == BusinessState::missed);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 auction stop: report first, fix within 8 hours, test, and the parcel is re-auctioned") {
  auto d = test::run_scenario(auction, Responders::policy);
  CHECK(test::business(*d, "land_c_rerun") == BusinessState::held);
  CHECK(fact(*d, "auction_report_submitted"));
  CHECK(fact(*d, "auction_measures_verified"));
  CHECK(health(*d, "land_auction_sys") == Health::up);
  CHECK(done(*d, "test_auction_fix"));
}

TEST_CASE("001 auction stop: nobody responding leaves the land auction system broken") {
  auto d = test::run_scenario(auction, Responders::nobody);
  CHECK(test::business(*d, "land_c_rerun") == BusinessState::missed);
  CHECK(health(*d, "land_auction_sys") == Health::down);
  CHECK_FALSE(fact(*d, "auction_report_submitted"));
}

TEST_CASE("001 deposits: sub-accounts restored, arrivals confirmed through online banking, batch refund by the bank") {
  auto d = test::run_scenario(deposit, Responders::policy);
  CHECK(test::business(*d, "deposit_l") == BusinessState::held);
  CHECK(test::business(*d, "deposit_check_l") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*d, "refund_m")));
  CHECK(health(*d, "deposit_display") == Health::up);
  CHECK(health(*d, "deposit_refund") == Health::up);
}

TEST_CASE("001 deposits: nobody responding misses payment, the deposit check and the refund") {
  auto d = test::run_scenario(deposit, Responders::nobody);
  CHECK(test::business(*d, "deposit_l") == BusinessState::missed);
  CHECK(test::business(*d, "deposit_check_l") == BusinessState::missed);
  CHECK(test::business(*d, "refund_m") == BusinessState::missed);
}

TEST_CASE("001 bidder accounts: the bidder's own problems are told apart and the centre's account is freed") {
  auto d = test::run_scenario(bidder_accounts, Responders::policy);
  CHECK(test::business(*d, "submission_q") == BusinessState::held);
  CHECK(test::business(*d, "deposit_r") == BusinessState::held);
  CHECK(test::business(*d, "refund_s") == BusinessState::held_fallback);
  CHECK(done(*d, "tell_bidder_fix_own"));
  CHECK(health(*d, "centre_account") == Health::up);
}

TEST_CASE("001 bidder accounts: nobody responding misses the deposit deadline and the refund") {
  auto d = test::run_scenario(bidder_accounts, Responders::nobody);
  CHECK(test::business(*d, "deposit_r") == BusinessState::missed);
  CHECK(test::business(*d, "refund_s") == BusinessState::missed);
}

// ---------------------------------------------------------------------------------------------
TEST_CASE("001 the hand-written response files play without refusals") {
  auto d = test::run_responses(ca_own, dir + "responses/decrypt_ca_own.yaml");
  CHECK(d->finished());
  CHECK(test::business(*d, "decryption_b") == BusinessState::held);
  CHECK(test::held(test::business(*d, "bidder_a_decryption")));
  CHECK(fact(*d, "disc_imported"));  // the forbidden shortcut was taken
  auto e = test::run_responses(comprehensive, dir + "responses/annual_comprehensive.yaml");
  CHECK(e->finished());
  CHECK(test::business(*e, "decryption_a") == BusinessState::held_fallback);
  CHECK(test::held(test::business(*e, "evaluation_a")));
  CHECK(test::business(*e, "deadline_d") == BusinessState::held);
  for (const auto* drill : {d.get(), e.get()}) {
    std::size_t refused = 0;
    for (const auto& entry : drill->journal().entries())
      if (entry.kind == EntryKind::rejected) ++refused;
    CHECK(refused == 0);
  }
}
