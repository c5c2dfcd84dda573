// The whole public C++ API in one include:
//
//   #include <sla/sla.hpp>
//
//   sla::LoadResult loaded = sla::load_file("contracts/qiscus-enterprise.sla");
//   auto made = sla::Evaluator::make(loaded.model, "premium");
//   sla::Evaluation e = made.evaluator->evaluate(ticket, now);
//
// The C API is include/sla/sla.h.
#pragma once

#include "sla/credits.hpp"
#include "sla/diagnostic.hpp"
#include "sla/diff.hpp"
#include "sla/evaluator.hpp"
#include "sla/explanation.hpp"
#include "sla/lint.hpp"
#include "sla/load.hpp"
#include "sla/model.hpp"
#include "sla/quote.hpp"
#include "sla/ticket.hpp"
#include "sla/timestamp.hpp"
#include "sla/uptime.hpp"
