// Tests of the event queue: ordering, cancellation, bookkeeping, and a randomized model check.
#include <doctest/doctest.h>

#include <cstdint>
#include <set>
#include <tuple>
#include <vector>

#include "sim/kernel/event_queue.hpp"
#include "sim/kernel/rng.hpp"

using namespace drillsim;

namespace {

EventData tag(std::uint32_t kind) { return EventData{kind, 0, 0, 0}; }

std::vector<std::uint32_t> drain_kinds(EventQueue& q) {
  std::vector<std::uint32_t> kinds;
  while (!q.empty()) kinds.push_back(q.pop().data.kind);
  return kinds;
}

}  // namespace

TEST_CASE("events come out by time, then priority, then insertion order") {
  EventQueue q;
  q.schedule(30, 0, tag(1));
  q.schedule(10, 5, tag(2));
  q.schedule(10, -1, tag(3));
  q.schedule(20, 0, tag(4));
  q.schedule(10, 5, tag(5));  // same time and priority as 2: after it
  q.schedule(5, 100, tag(6));
  CHECK(drain_kinds(q) == std::vector<std::uint32_t>{6, 3, 2, 5, 4, 1});
}

TEST_CASE("many events at the same time and priority come out in insertion order") {
  EventQueue q;
  constexpr std::uint32_t n = 5000;
  for (std::uint32_t i = 0; i < n; ++i) q.schedule(42, 0, tag(i));
  std::uint64_t previous_seq = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const Event e = q.pop();
    REQUIRE(e.data.kind == i);
    CHECK(e.time == 42);
    if (i > 0) CHECK(e.seq > previous_seq);
    previous_seq = e.seq;
  }
  CHECK(q.empty());
}

TEST_CASE("a popped event carries its time, priority and data") {
  EventQueue q;
  q.schedule(7, -3, EventData{9, 8, 7, -123456789012LL});
  const Event e = q.pop();
  CHECK(e.time == 7);
  CHECK(e.priority == -3);
  CHECK(e.data.kind == 9);
  CHECK(e.data.a == 8);
  CHECK(e.data.b == 7);
  CHECK(e.data.c == -123456789012LL);
}

TEST_CASE("a cancelled event is skipped") {
  EventQueue q;
  q.schedule(1, 0, tag(1));
  const EventHandle h = q.schedule(2, 0, tag(2));
  q.schedule(3, 0, tag(3));
  CHECK(q.pending(h));
  CHECK(q.cancel(h));
  CHECK_FALSE(q.pending(h));
  CHECK(q.size() == 2);
  CHECK(drain_kinds(q) == std::vector<std::uint32_t>{1, 3});
}

TEST_CASE("cancelling twice returns false the second time") {
  EventQueue q;
  const EventHandle h = q.schedule(5, 0, tag(1));
  q.schedule(6, 0, tag(2));
  CHECK(q.cancel(h));
  CHECK_FALSE(q.cancel(h));
  CHECK(q.size() == 1);
}

TEST_CASE("a handle is stale once its event ran, even when its slot is reused") {
  EventQueue q;
  const EventHandle h = q.schedule(5, 0, tag(1));
  CHECK(q.pop().data.kind == 1);
  CHECK_FALSE(q.pending(h));
  CHECK_FALSE(q.cancel(h));
  const EventHandle reused = q.schedule(9, 0, tag(2));
  CHECK(reused.slot == h.slot);  // the free list hands the slot back...
  CHECK_FALSE(q.cancel(h));      // ...but the old handle cannot touch the new event
  CHECK(q.pending(reused));
  CHECK(q.size() == 1);
  CHECK(q.pop().data.kind == 2);
}

TEST_CASE("default and foreign handles are harmless") {
  EventQueue q;
  q.schedule(1, 0, tag(1));
  CHECK_FALSE(EventHandle{}.valid());
  CHECK_FALSE(q.pending(EventHandle{}));
  CHECK_FALSE(q.cancel(EventHandle{}));
  CHECK_FALSE(q.cancel(EventHandle{12345, 0}));
  CHECK(q.size() == 1);
}

TEST_CASE("cancelling the top moves next_time to the next live event") {
  EventQueue q;
  const EventHandle first = q.schedule(10, 0, tag(1));
  const EventHandle second = q.schedule(20, 0, tag(2));
  q.schedule(30, 0, tag(3));
  CHECK(q.next_time() == 10);
  CHECK(q.cancel(first));
  CHECK(q.next_time() == 20);
  CHECK(q.cancel(second));
  CHECK(q.next_time() == 30);
  CHECK(q.size() == 1);
  CHECK(q.pop().data.kind == 3);
  CHECK(q.empty());
  CHECK(q.next_time() == never);
}

TEST_CASE("size, empty and next_time count only live events") {
  EventQueue q;
  CHECK(q.empty());
  CHECK(q.size() == 0);
  CHECK(q.next_time() == never);
  const EventHandle a = q.schedule(3, 0, tag(1));
  const EventHandle b = q.schedule(4, 0, tag(2));
  CHECK(q.size() == 2);
  CHECK(q.cancel(b));  // cancelled but not on top: still inside the heap, not counted
  CHECK(q.size() == 1);
  CHECK(q.next_time() == 3);
  CHECK(q.cancel(a));
  CHECK(q.empty());
  CHECK(q.size() == 0);
  CHECK(q.next_time() == never);
}

TEST_CASE("clear drops every event and stales every handle") {
  EventQueue q;
  const EventHandle a = q.schedule(3, 0, tag(1));
  q.schedule(4, 0, tag(2));
  q.clear();
  CHECK(q.empty());
  CHECK(q.next_time() == never);
  CHECK_FALSE(q.pending(a));
  CHECK_FALSE(q.cancel(a));
  q.schedule(8, 0, tag(3));
  const Event e = q.pop();
  CHECK(e.data.kind == 3);
  CHECK(e.seq == 0);  // a cleared queue numbers like a fresh one
}

TEST_CASE("cancelling most of a large queue keeps the order of the rest") {
  // Exercises the rebuild that drops marked nodes once they outnumber live ones.
  EventQueue q;
  std::vector<EventHandle> handles;
  for (std::uint32_t i = 0; i < 1000; ++i) handles.push_back(q.schedule(1000 - i, 0, tag(i)));
  for (std::uint32_t i = 0; i < 1000; ++i)
    if (i % 10 != 0) CHECK(q.cancel(handles[i]));
  CHECK(q.size() == 100);
  std::vector<std::uint32_t> expected;
  for (std::uint32_t i = 1000; i-- > 0;)
    if (i % 10 == 0) expected.push_back(i);
  CHECK(drain_kinds(q) == expected);
  for (std::uint32_t i = 0; i < 1000; ++i) CHECK_FALSE(q.pending(handles[i]));
}

TEST_CASE("no slot is allocated beyond the peak once capacity is reserved") {
  EventQueue q;
  q.reserve(64);
  std::vector<EventHandle> handles;
  for (std::uint32_t i = 0; i < 64; ++i) handles.push_back(q.schedule(i, 0, tag(i)));
  std::uint32_t max_slot = 0;
  for (int round = 0; round < 10000; ++round) {
    const Event e = q.pop();
    const EventHandle h = q.schedule(e.time + 64, 0, e.data);
    if (h.slot > max_slot) max_slot = h.slot;
  }
  CHECK(max_slot < 64);
}

TEST_CASE("randomized operations agree with a reference model") {
  // Reference: an ordered set of (time, priority, seq) keys, seq counted the same way as the queue.
  using Key = std::tuple<SimTime, std::int32_t, std::uint64_t>;
  std::set<Key> model;
  struct Tracked {
    EventHandle handle;
    Key key;
  };
  std::vector<Tracked> tracked;  // every handle ever returned, live or not
  EventQueue q;
  Rng rng(20240611);
  std::uint64_t seq = 0;
  SimTime now = 0;
  std::size_t pops = 0, cancels = 0, stale_cancels = 0;
  for (int op = 0; op < 100000; ++op) {
    const double r = rng.uniform01();
    if (r < 0.5 || model.empty()) {
      // Small ranges so that equal times and equal priorities are common.
      const SimTime time = now + static_cast<SimTime>(rng.next_u64() % 50);
      const auto priority = static_cast<std::int32_t>(rng.next_u64() % 3) - 1;
      const EventHandle h = q.schedule(time, priority, tag(static_cast<std::uint32_t>(seq)));
      const Key key{time, priority, seq++};
      model.insert(key);
      tracked.push_back({h, key});
    } else if (r < 0.8) {
      const Event e = q.pop();
      REQUIRE(!model.empty());
      const Key expected = *model.begin();
      model.erase(model.begin());
      REQUIRE(Key{e.time, e.priority, e.seq} == expected);
      REQUIRE(e.data.kind == static_cast<std::uint32_t>(e.seq));
      now = e.time;
      ++pops;
    } else {
      // Cancel any handle ever issued: live ones must succeed, stale ones must be refused.
      const Tracked& t = tracked[rng.next_u64() % tracked.size()];
      const bool live = model.count(t.key) == 1;
      REQUIRE(q.pending(t.handle) == live);
      REQUIRE(q.cancel(t.handle) == live);
      if (live) {
        model.erase(t.key);
        ++cancels;
      } else {
        ++stale_cancels;
      }
    }
    REQUIRE(q.size() == model.size());
    REQUIRE(q.empty() == model.empty());
    REQUIRE(q.next_time() == (model.empty() ? never : std::get<0>(*model.begin())));
  }
  // The mix really exercised every path.
  CHECK(pops > 10000);
  CHECK(cancels > 1000);
  CHECK(stale_cancels > 1000);
  while (!model.empty()) {
    const Event e = q.pop();
    REQUIRE(Key{e.time, e.priority, e.seq} == *model.begin());
    model.erase(model.begin());
  }
  CHECK(q.empty());
}
