/**
 * Phone numbers and text messages: checking a number (E.164, mobile, allowed country), masking it,
 * keying its digest for the per-number limits, and the wording of a code message.
 */
package com.twofactor.core.sms;
