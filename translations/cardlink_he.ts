<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="he_IL" sourcelanguage="en">
<context>
    <name>AmountView</name>
    <message>
        <location filename="../qml/AmountView.qml" line="35"/>
        <source>Amount</source>
        <translation>סכום</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="78"/>
        <source>Clear</source>
        <translation>ניקוי</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="94"/>
        <source>Pay</source>
        <translation>תשלום</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="50"/>
        <source>The amount is the total of the items.</source>
        <translation>הסכום הוא סך הפריטים.</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="51"/>
        <source>Type the amount, then press Pay. + adds line items.</source>
        <translation>הקלידו את הסכום ולחצו על תשלום. + מוסיף פריטים.</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="86"/>
        <source>Items (%1)</source>
        <translation>פריטים (%1)</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="87"/>
        <source>Add items</source>
        <translation>פריטים</translation>
    </message>
</context>
<context>
    <name>ApplicationChoiceView</name>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="17"/>
        <source>Choose how to pay</source>
        <translation>בחרו אמצעי תשלום</translation>
    </message>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="24"/>
        <source>Application %1</source>
        <translation>יישום %1</translation>
    </message>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="32"/>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
</context>
<context>
    <name>ApprovalScreen</name>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="47"/>
        <source>To: %1</source>
        <translation>אל: %1</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="87"/>
        <source>Decline</source>
        <translation>דחייה</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="95"/>
        <source>Approve</source>
        <translation>אישור</translation>
    </message>
</context>
<context>
    <name>BatchScreen</name>
    <message>
        <location filename="../qml/BatchScreen.qml" line="63"/>
        <source>Terminal</source>
        <translation>מסוף</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="76"/>
        <source>Host</source>
        <translation>מארח</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="98"/>
        <source>Back</source>
        <translation>חזרה</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="106"/>
        <source>Close batch</source>
        <translation>סגירת אצווה</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="23"/>
        <source>Readers</source>
        <translation>קוראים</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="42"/>
        <source>card</source>
        <translation>כרטיס</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="42"/>
        <source>empty</source>
        <translation>ריק</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="47"/>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="59"/>
        <source>No reader.</source>
        <translation>אין קורא.</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="63"/>
        <source>Host link</source>
        <translation>חיבור למארח</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="77"/>
        <source>Echo test</source>
        <translation>בדיקת הד</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="119"/>
        <source>APDU trace</source>
        <translation>מעקב APDU</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="127"/>
        <source>Filter</source>
        <translation>סינון</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="134"/>
        <source>Clear</source>
        <translation>ניקוי</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="140"/>
        <source>Export bundle</source>
        <translation>ייצוא חבילת אבחון</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="196"/>
        <source>No card commands yet.</source>
        <translation>עדיין אין פקודות כרטיס.</translation>
    </message>
</context>
<context>
    <name>InsertCardView</name>
    <message>
        <location filename="../qml/InsertCardView.qml" line="24"/>
        <source>Insert card</source>
        <translation>הכניסו כרטיס</translation>
    </message>
    <message>
        <location filename="../qml/InsertCardView.qml" line="39"/>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
</context>
<context>
    <name>ItemsView</name>
    <message>
        <location filename="../qml/ItemsView.qml" line="32"/>
        <source>Line items</source>
        <translation>פריטים</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="40"/>
        <source>Description</source>
        <translation>תיאור</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="52"/>
        <source>Qty</source>
        <translation>כמות</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="65"/>
        <source>Unit price</source>
        <translation>מחיר יחידה</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="78"/>
        <source>Add</source>
        <translation>הוספה</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="118"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="125"/>
        <source>@ %1</source>
        <translation>@ %1</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="140"/>
        <source>Remove</source>
        <translation>הסרה</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="154"/>
        <source>Total: %1</source>
        <translation>סה״כ: %1</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="163"/>
        <source>Remove all</source>
        <translation>הסרת הכול</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="171"/>
        <source>Done</source>
        <translation>סיום</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../qml/JournalView.qml" line="14"/>
        <source>Journal</source>
        <translation>יומן</translation>
    </message>
    <message>
        <location filename="../qml/JournalView.qml" line="47"/>
        <source>Reprint</source>
        <translation>הדפסה חוזרת</translation>
    </message>
    <message>
        <location filename="../qml/JournalView.qml" line="51"/>
        <source>Nothing to reprint</source>
        <translation>אין מה להדפיס שוב</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="14"/>
        <source>CardLink terminal</source>
        <translation>מסוף CardLink</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="18"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="20"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="24"/>
        <source>Approved</source>
        <translation>מאושר</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="18"/>
        <source>The card approved the payment.</source>
        <translation>הכרטיס אישר את התשלום.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="20"/>
        <source>The bank approved the payment.</source>
        <translation>הבנק אישר את התשלום.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="25"/>
        <source>The bank could not be reached; the card approved the payment offline.</source>
        <translation>לא ניתן היה להגיע לבנק; הכרטיס אישר את התשלום ללא חיבור.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="27"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="32"/>
        <source>Declined</source>
        <translation>נדחה</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="28"/>
        <source>The bank could not be reached and the card does not allow this payment offline.</source>
        <translation>לא ניתן היה להגיע לבנק, והכרטיס אינו מתיר תשלום זה ללא חיבור.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="30"/>
        <source>Try again later or pay another way.</source>
        <translation>נסו שוב מאוחר יותר או שלמו באמצעי אחר.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="33"/>
        <source>Ask the customer for another card or another way to pay.</source>
        <translation>בקשו מהלקוח כרטיס אחר או אמצעי תשלום אחר.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="35"/>
        <source>Card blocked</source>
        <translation>הכרטיס חסום</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="35"/>
        <source>This card is blocked.</source>
        <translation>הכרטיס הזה חסום.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="36"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="40"/>
        <source>Use another card.</source>
        <translation>השתמשו בכרטיס אחר.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="38"/>
        <source>Card not accepted</source>
        <translation>הכרטיס אינו מתקבל</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="39"/>
        <source>This terminal accepts none of the card&apos;s applications.</source>
        <translation>המסוף אינו מקבל אף אחד מיישומי הכרטיס.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="42"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="82"/>
        <source>Cancelled</source>
        <translation>בוטל</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="42"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="82"/>
        <source>The payment was cancelled.</source>
        <translation>התשלום בוטל.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="44"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="84"/>
        <source>Card error</source>
        <translation>שגיאת כרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="44"/>
        <source>The card did not answer as expected.</source>
        <translation>הכרטיס לא הגיב כמצופה.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="45"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="85"/>
        <source>Remove the card and insert it once more. If it fails again, use another card.</source>
        <translation>הוציאו את הכרטיס והכניסו אותו שוב. אם זה נכשל שוב, השתמשו בכרטיס אחר.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="56"/>
        <source>The bank declined the payment.</source>
        <translation>הבנק דחה את התשלום.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="58"/>
        <source>The PIN was entered wrongly too often; the card no longer accepts a PIN.</source>
        <translation>הקוד הסודי הוקש שגוי יותר מדי פעמים; הכרטיס אינו מקבל עוד קוד סודי.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="60"/>
        <source>The cardholder could not be verified.</source>
        <translation>לא ניתן היה לאמת את בעל הכרטיס.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="62"/>
        <source>The card has expired.</source>
        <translation>תוקף הכרטיס פג.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="64"/>
        <source>The card is not valid yet.</source>
        <translation>הכרטיס עדיין אינו בתוקף.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="66"/>
        <source>The card does not allow this kind of payment.</source>
        <translation>הכרטיס אינו מתיר תשלום מסוג זה.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="67"/>
        <source>The card declined the payment.</source>
        <translation>הכרטיס דחה את התשלום.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="74"/>
        <source>Card removed</source>
        <translation>הכרטיס הוצא</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="74"/>
        <source>The card was removed too early.</source>
        <translation>הכרטיס הוצא מוקדם מדי.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="75"/>
        <source>Insert the card again and leave it in until the end.</source>
        <translation>הכניסו את הכרטיס שוב והשאירו אותו עד הסוף.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="79"/>
        <source>No card reader</source>
        <translation>אין קורא כרטיסים</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="79"/>
        <source>The card reader is not available.</source>
        <translation>קורא הכרטיסים אינו זמין.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="80"/>
        <source>Check the reader&apos;s cable, then open Diagnostics.</source>
        <translation>בדקו את הכבל של הקורא ואז פתחו את האבחון.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="84"/>
        <source>The card could not be read.</source>
        <translation>לא ניתן היה לקרוא את הכרטיס.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/PinScreen.qml" line="35"/>
        <source>Enter PIN</source>
        <translation>הקישו קוד סודי</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/PinScreen.qml" line="67"/>
        <source>%n tries left</source>
        <translation>
            <numerusform>נותר ניסיון אחד</numerusform>
            <numerusform>נותרו %n ניסיונות</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/PinScreen.qml" line="77"/>
        <source>%n seconds left</source>
        <translation>
            <numerusform>שנייה אחת נותרה</numerusform>
            <numerusform>נותרו %n שניות</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="86"/>
        <source>Shuffle keys</source>
        <translation>ערבוב מקשים</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="107"/>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="115"/>
        <source>Correct</source>
        <translation>תיקון</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="123"/>
        <source>OK</source>
        <translation>אישור</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../qml/ProgressView.qml" line="19"/>
        <source>Processing</source>
        <translation>בעיבוד</translation>
    </message>
    <message>
        <location filename="../qml/ProgressView.qml" line="32"/>
        <source>Do not remove the card</source>
        <translation>אין להוציא את הכרטיס</translation>
    </message>
    <message>
        <location filename="../qml/ProgressView.qml" line="40"/>
        <source>Cancel</source>
        <translation>ביטול</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="65"/>
        <source>Receipt</source>
        <translation>קבלה</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="68"/>
        <source>Save as text</source>
        <translation>שמירה כטקסט</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="75"/>
        <source>Save as PDF</source>
        <translation>שמירה כ-PDF</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="89"/>
        <source>Done</source>
        <translation>סיום</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../qml/ResultView.qml" line="63"/>
        <source>Receipt</source>
        <translation>קבלה</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="70"/>
        <source>New sale</source>
        <translation>מכירה חדשה</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="22"/>
        <source>Settings</source>
        <translation>הגדרות</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="25"/>
        <source>Host address</source>
        <translation>כתובת המארח</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="38"/>
        <source>Link</source>
        <translation>חיבור</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>TLS over TCP</source>
        <translation>TLS על TCP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>Modem</source>
        <translation>מודם</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>Audio tones</source>
        <translation>צלילים</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="51"/>
        <source>Terminal ID</source>
        <translation>מזהה מסוף</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="63"/>
        <source>Language</source>
        <translation>שפה</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="76"/>
        <source>Receipt header</source>
        <translation>כותרת הקבלה</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="89"/>
        <source>Terminal bundle</source>
        <translation>חבילת מסוף</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="97"/>
        <source>none: no host link</source>
        <translation>ללא: אין חיבור למארח</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="108"/>
        <source>Save</source>
        <translation>שמירה</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="111"/>
        <source>Saved.</source>
        <translation>נשמר.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="112"/>
        <source>Please correct the marked fields.</source>
        <translation>נא לתקן את השדות המסומנים.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="116"/>
        <source>Undo changes</source>
        <translation>ביטול שינויים</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="122"/>
        <source>Close batch…</source>
        <translation>סגירת אצווה…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../qml/StartScreen.qml" line="17"/>
        <source>What do you want to do?</source>
        <translation>מה ברצונך לעשות?</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="30"/>
        <source>Checkout</source>
        <translation>קופה</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="30"/>
        <source>Take a card payment</source>
        <translation>קבלת תשלום בכרטיס</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="31"/>
        <source>Diagnostics</source>
        <translation>אבחון</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="31"/>
        <source>Readers, ATR, APDU trace</source>
        <translation>קוראים, ATR, מעקב APDU</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="32"/>
        <source>Settings</source>
        <translation>הגדרות</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="32"/>
        <source>Host, terminal, language</source>
        <translation>מארח, מסוף, שפה</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/StatusBar.qml" line="24"/>
        <source>Back</source>
        <translation>חזרה</translation>
    </message>
    <message>
        <location filename="../qml/StatusBar.qml" line="29"/>
        <source>CardLink</source>
        <translation>CardLink</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::BatchController</name>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="59"/>
        <source>No host link is set up: choose a terminal bundle in Settings.</source>
        <translation>לא הוגדר קישור למארח: בחרו חבילת מסוף בהגדרות.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="60"/>
        <source>The journal could not be opened.</source>
        <translation>לא ניתן היה לפתוח את היומן.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="127"/>
        <source>The host refused the batch totals (code %1).</source>
        <translation>המארח דחה את סיכומי האצווה (קוד %1).</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="142"/>
        <source>1 sale %1</source>
        <translation>מכירה 1 %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="143"/>
        <source>%1 sales %2</source>
        <translation>%1 מכירות %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="146"/>
        <source>1 reversal %1</source>
        <translation>ביטול 1 %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="147"/>
        <source>%1 reversals %2</source>
        <translation>%1 ביטולים %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="155"/>
        <source>Batch %1</source>
        <translation>אצווה %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="172"/>
        <source>Close batch %1?</source>
        <translation>לסגור את אצווה %1?</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="174"/>
        <source>Batch close is not available</source>
        <translation>סגירת אצווה אינה זמינה</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="176"/>
        <source>Sending the batch totals to the host…</source>
        <translation>שולח את סיכומי האצווה למארח…</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="178"/>
        <source>Batch %1 closed</source>
        <translation>אצווה %1 נסגרה</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="180"/>
        <source>Batch %1 does not balance</source>
        <translation>אצווה %1 אינה מאוזנת</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="182"/>
        <source>Batch %1 not closed</source>
        <translation>אצווה %1 לא נסגרה</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="192"/>
        <source>Sales still waiting for a reversal or advice: %1. The batch can be closed once the terminal has sent them.</source>
        <translation>מכירות שעדיין ממתינות לביטול או להודעה: %1. ניתן לסגור את האצווה לאחר שהמסוף ישלח אותן.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="195"/>
        <source>The totals below go to the host, which compares them with its own.</source>
        <translation>הסיכומים שלהלן נשלחים למארח, שמשווה אותם לשלו.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="202"/>
        <source>The host&apos;s totals agree. New sales go into batch %1.</source>
        <translation>סיכומי המארח תואמים. מכירות חדשות נכנסות לאצווה %1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="204"/>
        <source>The host&apos;s totals differ from the terminal&apos;s. The batch stays open: check the journal with the host&apos;s report before closing it again.</source>
        <translation>סיכומי המארח שונים מאלה של המסוף. האצווה נשארת פתוחה: בדקו את היומן מול הדוח של המארח לפני שתסגרו אותה שוב.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::CheckoutController</name>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="20"/>
        <source>Please wait</source>
        <translation>נא להמתין</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="22"/>
        <source>Incorrect PIN</source>
        <translation>קוד סודי שגוי</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="24"/>
        <source>Incorrect PIN. Last try!</source>
        <translation>קוד סודי שגוי. ניסיון אחרון!</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="26"/>
        <source>PIN OK</source>
        <translation>הקוד הסודי תקין</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="28"/>
        <source>PIN blocked</source>
        <translation>הקוד הסודי חסום</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="30"/>
        <source>Asking the bank</source>
        <translation>פונים לבנק</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="32"/>
        <source>Remove the card</source>
        <translation>הוציאו את הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="111"/>
        <source>Pay this amount?</source>
        <translation>לשלם סכום זה?</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="113"/>
        <source>Use this card application?</source>
        <translation>להשתמש ביישום כרטיס זה?</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::DiagnosticsController</name>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="39"/>
        <source>Not hexadecimal: %1</source>
        <translation>לא הקסדצימלי: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="42"/>
        <source>Malformed ATR: %1</source>
        <translation>ATR פגום: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="50"/>
        <source>No card in this reader.</source>
        <translation>אין כרטיס בקורא הזה.</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="58"/>
        <source>Cannot write %1: %2</source>
        <translation>לא ניתן לכתוב את %1: %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="115"/>
        <source>Diagnostics saved to %1</source>
        <translation>נתוני האבחון נשמרו ב-%1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="116"/>
        <source>Diagnostics not saved: %1</source>
        <translation>נתוני האבחון לא נשמרו: %1</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::EmvStepModel</name>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="93"/>
        <source>Select application</source>
        <translation>בחירת יישום</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="95"/>
        <source>Read card data</source>
        <translation>קריאת נתוני הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="97"/>
        <source>Check the card</source>
        <translation>בדיקת הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="99"/>
        <source>Verify cardholder</source>
        <translation>אימות בעל הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="101"/>
        <source>Card decision</source>
        <translation>החלטת הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="103"/>
        <source>Ask the bank</source>
        <translation>פנייה לבנק</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="105"/>
        <source>Complete</source>
        <translation>סיום</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::HostLinkAuthorizer</name>
    <message>
        <location filename="../app/terminal/HostLinkAuthorizer.cpp" line="28"/>
        <source>no answer from host</source>
        <translation>אין תשובה מהמארח</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::JournalModel</name>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="30"/>
        <source>pending</source>
        <translation>ממתינה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="32"/>
        <source>declined</source>
        <translation>נדחתה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="35"/>
        <source>declined by the card</source>
        <translation>נדחתה על ידי הכרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="36"/>
        <source>approved, not yet advised</source>
        <translation>אושרה, טרם דווחה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="37"/>
        <source>approved</source>
        <translation>אושרה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="39"/>
        <source>reversed</source>
        <translation>בוטלה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="41"/>
        <source>advised</source>
        <translation>דווחה</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="89"/>
        <source>No journal</source>
        <translation>אין יומן</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="127"/>
        <source>(copy from the journal)</source>
        <translation>(עותק מהיומן)</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::LineItems</name>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="62"/>
        <source>%1 × %2 @ %3 = %4</source>
        <translation>%1 × %2 @ %3 = %4</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="94"/>
        <location filename="../app/terminal/LineItems.cpp" line="129"/>
        <source>The quantity must be a whole number of at least 1.</source>
        <translation>הכמות חייבת להיות מספר שלם, לפחות 1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="98"/>
        <location filename="../app/terminal/LineItems.cpp" line="131"/>
        <source>The quantity can be at most %1.</source>
        <translation>הכמות יכולה להיות לכל היותר %1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="103"/>
        <source>Type the unit price as an amount such as %1.</source>
        <translation>הקלידו את מחיר היחידה כסכום, למשל %1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="105"/>
        <source>Type the unit price as a whole number.</source>
        <translation>הקלידו את מחיר היחידה כמספר שלם.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="122"/>
        <source>Type a description for the item.</source>
        <translation>הקלידו תיאור לפריט.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="124"/>
        <source>The description can be at most %1 characters.</source>
        <translation>התיאור יכול להכיל לכל היותר %1 תווים.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="127"/>
        <source>The description contains a character that cannot be printed.</source>
        <translation>התיאור מכיל תו שלא ניתן להדפיס.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="133"/>
        <source>The unit price must be more than zero.</source>
        <translation>מחיר היחידה חייב להיות גדול מאפס.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="135"/>
        <source>A sale can have at most %1 items.</source>
        <translation>במכירה אחת יכולים להיות לכל היותר %1 פריטים.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="138"/>
        <source>The total would be more than %1, the most one sale can take.</source>
        <translation>הסכום הכולל יעלה על %1, המרב למכירה אחת.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::LinkStatus</name>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="70"/>
        <source>Host link not set up</source>
        <translation>החיבור למארח לא הוגדר</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="72"/>
        <source>Host offline</source>
        <translation>המארח מנותק</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="72"/>
        <source>Host offline: %1</source>
        <translation>המארח אינו זמין: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="74"/>
        <source>Connecting to host</source>
        <translation>מתחבר למארח</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="76"/>
        <source>Host online</source>
        <translation>המארח מחובר</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="85"/>
        <source>Echo test running…</source>
        <translation>בדיקת הד מתבצעת…</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="97"/>
        <source>Echo answered %1 in %2 ms</source>
        <translation>ההד נענה בקוד %1 תוך %2 אלפיות שנייה</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="100"/>
        <source>Echo failed: %1</source>
        <translation>בדיקת ההד נכשלה: %1</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::ReaderStatus</name>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="77"/>
        <source>Card service not running</source>
        <translation>שירות הכרטיסים אינו פועל</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="79"/>
        <source>No card reader</source>
        <translation>אין קורא כרטיסים</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="81"/>
        <source>Reader ready, no card</source>
        <translation>הקורא מוכן, אין כרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="83"/>
        <source>Card in reader</source>
        <translation>כרטיס בקורא</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::Receipt</name>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="31"/>
        <location filename="../app/terminal/Receipt.cpp" line="39"/>
        <source>Saved %1</source>
        <translation>נשמר %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="115"/>
        <source>MERCHANT COPY</source>
        <translation>עותק בית העסק</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="115"/>
        <source>CUSTOMER COPY</source>
        <translation>עותק לקוח</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="127"/>
        <location filename="../app/terminal/Receipt.cpp" line="139"/>
        <source>There is no receipt to save.</source>
        <translation>אין קבלה לשמירה.</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="130"/>
        <location filename="../app/terminal/Receipt.cpp" line="133"/>
        <source>Cannot write %1: %2</source>
        <translation>לא ניתן לכתוב את %1: %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="143"/>
        <source>Receipt</source>
        <translation>קבלה</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="146"/>
        <location filename="../app/terminal/Receipt.cpp" line="160"/>
        <source>Cannot write %1</source>
        <translation>לא ניתן לכתוב את %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="176"/>
        <source>Date</source>
        <translation>תאריך</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="178"/>
        <source>Merchant</source>
        <translation>בית עסק</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="180"/>
        <source>Terminal</source>
        <translation>מסוף</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="184"/>
        <source>Amount</source>
        <translation>סכום</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="186"/>
        <source>Result</source>
        <translation>תוצאה</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="188"/>
        <source>Card</source>
        <translation>כרטיס</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="190"/>
        <source>Application</source>
        <translation>יישום</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="192"/>
        <source>AID</source>
        <translation>AID</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="194"/>
        <source>TVR</source>
        <translation>TVR</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="196"/>
        <source>TSI</source>
        <translation>TSI</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="198"/>
        <source>Cryptogram</source>
        <translation>קריפטוגרמה</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="200"/>
        <source>Auth code</source>
        <translation>קוד אישור</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="202"/>
        <source>STAN</source>
        <translation>STAN</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="204"/>
        <source>RRN</source>
        <translation>RRN</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="166"/>
        <source>%1 × %2 @ %3</source>
        <translation>%1 × %2 @ %3</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="182"/>
        <source>Item</source>
        <translation>פריט</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::SettingsController</name>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="87"/>
        <source>Enter the host as name:port, for example host.example.com:8583.</source>
        <translation>הזינו את המארח בצורה שם:פורט, למשל host.example.com:8583.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="90"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>הפורט חייב להיות מספר בין 1 ל-65535.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="92"/>
        <source>Choose TLS, modem or tones.</source>
        <translation>בחרו TLS, מודם או צלילים.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="96"/>
        <source>The terminal ID has 1 to 8 letters or digits.</source>
        <translation>מזהה המסוף מכיל 1 עד 8 אותיות או ספרות.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="98"/>
        <source>Choose English, Hebrew or German.</source>
        <translation>בחרו אנגלית, עברית או גרמנית.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="101"/>
        <source>The receipt header can have at most %1 characters.</source>
        <translation>כותרת הקבלה יכולה להכיל לכל היותר %1 תווים.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="103"/>
        <source>The receipt header is a single line.</source>
        <translation>כותרת הקבלה היא שורה אחת.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="105"/>
        <source>No terminal bundle at this path.</source>
        <translation>אין חבילת מסוף בנתיב זה.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::Terminal</name>
    <message>
        <location filename="../app/terminal/Terminal.cpp" line="216"/>
        <source>terminal bundle: %1</source>
        <translation>חבילת מסוף: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/Terminal.cpp" line="206"/>
        <source>the journal cannot be opened; no online sales</source>
        <translation>לא ניתן לפתוח את היומן; אין תשלומים מקוונים</translation>
    </message>
</context>
</TS>
