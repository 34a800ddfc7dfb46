/**
 * A WhatsApp link with the message typed in, for the accountant to open and send by hand: nothing here
 * drives WhatsApp. Links follow WhatsApp's "click to chat" form: https://wa.me/<number>?text=<text>,
 * the number in international form without "+", spaces or leading zeros; the desktop app's
 * whatsapp://send?phone=<number>&text=<text> takes the same.
 */

export type PhoneCheck =
  | {
      ok: true;
      /** E.164, "+919876543210" */ e164: string;
      /** digits only, "919876543210" */ digits: string;
    }
  | { ok: false; message: string };

const SEPARATORS = /[\s\-().]/g;

/**
 * A mobile number as people write it in India ("98765 43210", "098765-43210", "+91 98765 43210",
 * "0091 9876543210") to +91 form. A number written with another country code ("+44 …") is kept as it is.
 */
export function normaliseMobile(text: string): PhoneCheck {
  const raw = text.trim();
  if (raw === '') return { ok: false, message: 'No mobile number' };
  let compact = raw.replace(SEPARATORS, '');
  if (compact.startsWith('00')) compact = `+${compact.slice(2)}`;
  if (!/^\+?\d+$/.test(compact)) return { ok: false, message: `"${raw}" is not a phone number` };
  let digits: string;
  if (compact.startsWith('+')) {
    digits = compact.slice(1);
    if (!digits.startsWith('91')) {
      if (digits.length < 8 || digits.length > 15)
        return { ok: false, message: `"${raw}" is not a phone number` };
      return { ok: true, e164: `+${digits}`, digits };
    }
  } else if (compact.length === 11 && compact.startsWith('0')) digits = `91${compact.slice(1)}`;
  else if (compact.length === 10) digits = `91${compact}`;
  else digits = compact;
  const national = digits.slice(2);
  if (!digits.startsWith('91') || national.length !== 10)
    return { ok: false, message: `"${raw}" is not a 10-digit Indian mobile number` };
  if (!/^[6-9]/.test(national))
    return { ok: false, message: `"${raw}" is not a mobile number (Indian mobiles start with 6, 7, 8 or 9)` };
  return { ok: true, e164: `+${digits}`, digits };
}

export interface WhatsAppLinks {
  /** Opens WhatsApp Web or the app through the browser. */
  web: string;
  /** Opens the installed desktop app directly. */
  app: string;
}

/** Links that open a chat with the party with `text` typed in; a clear error for a bad number. */
export function whatsAppLinks(mobile: string, text: string): WhatsAppLinks {
  const phone = normaliseMobile(mobile);
  if (!phone.ok) throw new RangeError(phone.message);
  const message = encodeURIComponent(text);
  return {
    web: `https://wa.me/${phone.digits}?text=${message}`,
    app: `whatsapp://send?phone=${phone.digits}&text=${message}`,
  };
}
