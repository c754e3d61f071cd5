/**
 * Tencent's worked example of a callback signature (trtc.io/document/54912, cloud.tencent.com/document/product/647/90450):
 * a room event (group 2, type 204) signed with the key `123654`; the body has tabs and newlines as sent.
 */
export const tencentExample = {
  key: "123654",
  body: '{\n\t"EventGroupId":\t2,\n\t"EventType":\t204,\n\t"CallbackTs":\t1664209748188,\n\t"EventInfo":\t{\n\t\t"RoomId":\t8489,\n\t\t"EventTs":\t1664209748,\n\t\t"EventMsTs":\t1664209748180,\n\t\t"UserId":\t"user_85034614",\n\t\t"Reason":\t0\n\t}\n}',
  sign: "kkoFeO3Oh2ZHnjtg8tEAQhtXK16/KI05W3BQff8IvGA=",
} as const;
