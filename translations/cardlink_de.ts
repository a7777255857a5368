<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AmountView</name>
    <message>
        <location filename="../qml/AmountView.qml" line="35"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="78"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="94"/>
        <source>Pay</source>
        <translation>Bezahlen</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="50"/>
        <source>The amount is the total of the items.</source>
        <translation>Der Betrag ist die Summe der Artikel.</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="51"/>
        <source>Type the amount, then press Pay. + adds line items.</source>
        <translation>Betrag eingeben, dann Bezahlen drücken. + fügt Artikel hinzu.</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="86"/>
        <source>Items (%1)</source>
        <translation>Artikel (%1)</translation>
    </message>
    <message>
        <location filename="../qml/AmountView.qml" line="87"/>
        <source>Add items</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>ApplicationChoiceView</name>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="17"/>
        <source>Choose how to pay</source>
        <translation>Zahlungsart wählen</translation>
    </message>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="24"/>
        <source>Application %1</source>
        <translation>Anwendung %1</translation>
    </message>
    <message>
        <location filename="../qml/ApplicationChoiceView.qml" line="32"/>
        <source>Cancel</source>
        <translation>Abbruch</translation>
    </message>
</context>
<context>
    <name>ApprovalScreen</name>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="47"/>
        <source>To: %1</source>
        <translation>An: %1</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="87"/>
        <source>Decline</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalScreen.qml" line="95"/>
        <source>Approve</source>
        <translation>Bestätigen</translation>
    </message>
</context>
<context>
    <name>BatchScreen</name>
    <message>
        <location filename="../qml/BatchScreen.qml" line="63"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="76"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="98"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../qml/BatchScreen.qml" line="106"/>
        <source>Close batch</source>
        <translation>Stapel abschließen</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="23"/>
        <source>Readers</source>
        <translation>Leser</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="42"/>
        <source>card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="42"/>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="47"/>
        <source>ATR</source>
        <translation>ATR</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="59"/>
        <source>No reader.</source>
        <translation>Kein Leser.</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="63"/>
        <source>Host link</source>
        <translation>Host-Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="77"/>
        <source>Echo test</source>
        <translation>Echo-Test</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="119"/>
        <source>APDU trace</source>
        <translation>APDU-Protokoll</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="127"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="134"/>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="140"/>
        <source>Export bundle</source>
        <translation>Diagnosepaket exportieren</translation>
    </message>
    <message>
        <location filename="../qml/DiagnosticsScreen.qml" line="196"/>
        <source>No card commands yet.</source>
        <translation>Noch keine Kartenbefehle.</translation>
    </message>
</context>
<context>
    <name>InsertCardView</name>
    <message>
        <location filename="../qml/InsertCardView.qml" line="24"/>
        <source>Insert card</source>
        <translation>Karte einstecken</translation>
    </message>
    <message>
        <location filename="../qml/InsertCardView.qml" line="39"/>
        <source>Cancel</source>
        <translation>Abbruch</translation>
    </message>
</context>
<context>
    <name>ItemsView</name>
    <message>
        <location filename="../qml/ItemsView.qml" line="32"/>
        <source>Line items</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="40"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="52"/>
        <source>Qty</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="65"/>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="78"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
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
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="154"/>
        <source>Total: %1</source>
        <translation>Summe: %1</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="163"/>
        <source>Remove all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <location filename="../qml/ItemsView.qml" line="171"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../qml/JournalView.qml" line="14"/>
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location filename="../qml/JournalView.qml" line="47"/>
        <source>Reprint</source>
        <translation>Nachdrucken</translation>
    </message>
    <message>
        <location filename="../qml/JournalView.qml" line="51"/>
        <source>Nothing to reprint</source>
        <translation>Nichts nachzudrucken</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="14"/>
        <source>CardLink terminal</source>
        <translation>CardLink-Terminal</translation>
    </message>
</context>
<context>
    <name>OutcomeText</name>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="18"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="20"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="24"/>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="18"/>
        <source>The card approved the payment.</source>
        <translation>Die Karte hat die Zahlung genehmigt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="20"/>
        <source>The bank approved the payment.</source>
        <translation>Die Bank hat die Zahlung genehmigt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="25"/>
        <source>The bank could not be reached; the card approved the payment offline.</source>
        <translation>Die Bank war nicht erreichbar; die Karte hat die Zahlung offline genehmigt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="27"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="32"/>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="28"/>
        <source>The bank could not be reached and the card does not allow this payment offline.</source>
        <translation>Die Bank war nicht erreichbar, und die Karte erlaubt diese Zahlung nicht offline.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="30"/>
        <source>Try again later or pay another way.</source>
        <translation>Versuchen Sie es später noch einmal oder zahlen Sie anders.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="33"/>
        <source>Ask the customer for another card or another way to pay.</source>
        <translation>Bitten Sie den Kunden um eine andere Karte oder eine andere Zahlungsart.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="35"/>
        <source>Card blocked</source>
        <translation>Karte gesperrt</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="35"/>
        <source>This card is blocked.</source>
        <translation>Diese Karte ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="36"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="40"/>
        <source>Use another card.</source>
        <translation>Verwenden Sie eine andere Karte.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="38"/>
        <source>Card not accepted</source>
        <translation>Karte nicht akzeptiert</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="39"/>
        <source>This terminal accepts none of the card&apos;s applications.</source>
        <translation>Dieses Terminal akzeptiert keine Anwendung der Karte.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="42"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="82"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="42"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="82"/>
        <source>The payment was cancelled.</source>
        <translation>Die Zahlung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="44"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="84"/>
        <source>Card error</source>
        <translation>Kartenfehler</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="44"/>
        <source>The card did not answer as expected.</source>
        <translation>Die Karte hat nicht wie erwartet geantwortet.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="45"/>
        <location filename="../app/terminal/OutcomeText.cpp" line="85"/>
        <source>Remove the card and insert it once more. If it fails again, use another card.</source>
        <translation>Entnehmen Sie die Karte und stecken Sie sie noch einmal ein. Wenn es wieder fehlschlägt, verwenden Sie eine andere Karte.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="56"/>
        <source>The bank declined the payment.</source>
        <translation>Die Bank hat die Zahlung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="58"/>
        <source>The PIN was entered wrongly too often; the card no longer accepts a PIN.</source>
        <translation>Die PIN wurde zu oft falsch eingegeben; die Karte nimmt keine PIN mehr an.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="60"/>
        <source>The cardholder could not be verified.</source>
        <translation>Der Karteninhaber konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="62"/>
        <source>The card has expired.</source>
        <translation>Die Karte ist abgelaufen.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="64"/>
        <source>The card is not valid yet.</source>
        <translation>Die Karte ist noch nicht gültig.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="66"/>
        <source>The card does not allow this kind of payment.</source>
        <translation>Die Karte erlaubt diese Art von Zahlung nicht.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="67"/>
        <source>The card declined the payment.</source>
        <translation>Die Karte hat die Zahlung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="74"/>
        <source>Card removed</source>
        <translation>Karte entnommen</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="74"/>
        <source>The card was removed too early.</source>
        <translation>Die Karte wurde zu früh entnommen.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="75"/>
        <source>Insert the card again and leave it in until the end.</source>
        <translation>Stecken Sie die Karte erneut ein und lassen Sie sie bis zum Ende stecken.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="79"/>
        <source>No card reader</source>
        <translation>Kein Kartenleser</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="79"/>
        <source>The card reader is not available.</source>
        <translation>Der Kartenleser ist nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="80"/>
        <source>Check the reader&apos;s cable, then open Diagnostics.</source>
        <translation>Prüfen Sie das Kabel des Lesers und öffnen Sie dann die Diagnose.</translation>
    </message>
    <message>
        <location filename="../app/terminal/OutcomeText.cpp" line="84"/>
        <source>The card could not be read.</source>
        <translation>Die Karte konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../qml/PinScreen.qml" line="35"/>
        <source>Enter PIN</source>
        <translation>PIN eingeben</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/PinScreen.qml" line="67"/>
        <source>%n tries left</source>
        <translation>
            <numerusform>Noch %n Versuch</numerusform>
            <numerusform>Noch %n Versuche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/PinScreen.qml" line="77"/>
        <source>%n seconds left</source>
        <translation>
            <numerusform>Noch %n Sekunde</numerusform>
            <numerusform>Noch %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="86"/>
        <source>Shuffle keys</source>
        <translation>Tasten mischen</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="107"/>
        <source>Cancel</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="115"/>
        <source>Correct</source>
        <translation>Korrektur</translation>
    </message>
    <message>
        <location filename="../qml/PinScreen.qml" line="123"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../qml/ProgressView.qml" line="19"/>
        <source>Processing</source>
        <translation>Verarbeitung</translation>
    </message>
    <message>
        <location filename="../qml/ProgressView.qml" line="32"/>
        <source>Do not remove the card</source>
        <translation>Karte nicht entnehmen</translation>
    </message>
    <message>
        <location filename="../qml/ProgressView.qml" line="40"/>
        <source>Cancel</source>
        <translation>Abbruch</translation>
    </message>
</context>
<context>
    <name>ReceiptScreen</name>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="65"/>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="68"/>
        <source>Save as text</source>
        <translation>Als Text speichern</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="75"/>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <location filename="../qml/ReceiptScreen.qml" line="89"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../qml/ResultView.qml" line="63"/>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../qml/ResultView.qml" line="70"/>
        <source>New sale</source>
        <translation>Neuer Verkauf</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="22"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="25"/>
        <source>Host address</source>
        <translation>Host-Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="38"/>
        <source>Link</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>TLS over TCP</source>
        <translation>TLS über TCP</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>Modem</source>
        <translation>Modem</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="45"/>
        <source>Audio tones</source>
        <translation>Töne</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="51"/>
        <source>Terminal ID</source>
        <translation>Terminal-ID</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="63"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="76"/>
        <source>Receipt header</source>
        <translation>Belegkopf</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="89"/>
        <source>Terminal bundle</source>
        <translation>Terminal-Bundle</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="97"/>
        <source>none: no host link</source>
        <translation>keines: keine Host-Verbindung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="108"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="111"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="112"/>
        <source>Please correct the marked fields.</source>
        <translation>Bitte korrigieren Sie die markierten Felder.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="116"/>
        <source>Undo changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsScreen.qml" line="122"/>
        <source>Close batch…</source>
        <translation>Stapel abschließen…</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../qml/StartScreen.qml" line="17"/>
        <source>What do you want to do?</source>
        <translation>Was möchten Sie tun?</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="30"/>
        <source>Checkout</source>
        <translation>Kasse</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="30"/>
        <source>Take a card payment</source>
        <translation>Kartenzahlung annehmen</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="31"/>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="31"/>
        <source>Readers, ATR, APDU trace</source>
        <translation>Leser, ATR, APDU-Protokoll</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="32"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/StartScreen.qml" line="32"/>
        <source>Host, terminal, language</source>
        <translation>Host, Terminal, Sprache</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../qml/StatusBar.qml" line="24"/>
        <source>Back</source>
        <translation>Zurück</translation>
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
        <translation>Keine Host-Verbindung eingerichtet: Wählen Sie in den Einstellungen ein Terminal-Bundle.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="60"/>
        <source>The journal could not be opened.</source>
        <translation>Das Journal konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="127"/>
        <source>The host refused the batch totals (code %1).</source>
        <translation>Der Host hat die Summen abgelehnt (Code %1).</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="142"/>
        <source>1 sale %1</source>
        <translation>1 Verkauf %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="143"/>
        <source>%1 sales %2</source>
        <translation>%1 Verkäufe %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="146"/>
        <source>1 reversal %1</source>
        <translation>1 Storno %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="147"/>
        <source>%1 reversals %2</source>
        <translation>%1 Stornos %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="155"/>
        <source>Batch %1</source>
        <translation>Stapel %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="172"/>
        <source>Close batch %1?</source>
        <translation>Stapel %1 abschließen?</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="174"/>
        <source>Batch close is not available</source>
        <translation>Stapelabschluss nicht möglich</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="176"/>
        <source>Sending the batch totals to the host…</source>
        <translation>Die Summen gehen an den Host…</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="178"/>
        <source>Batch %1 closed</source>
        <translation>Stapel %1 abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="180"/>
        <source>Batch %1 does not balance</source>
        <translation>Stapel %1 stimmt nicht überein</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="182"/>
        <source>Batch %1 not closed</source>
        <translation>Stapel %1 nicht abgeschlossen</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="192"/>
        <source>Sales still waiting for a reversal or advice: %1. The batch can be closed once the terminal has sent them.</source>
        <translation>Verkäufe, die noch auf ein Storno oder eine Nachricht warten: %1. Der Stapel kann abgeschlossen werden, sobald das Terminal sie gesendet hat.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="195"/>
        <source>The totals below go to the host, which compares them with its own.</source>
        <translation>Die Summen unten gehen an den Host, der sie mit seinen eigenen vergleicht.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="202"/>
        <source>The host&apos;s totals agree. New sales go into batch %1.</source>
        <translation>Die Summen des Hosts stimmen überein. Neue Verkäufe kommen in Stapel %1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/BatchController.cpp" line="204"/>
        <source>The host&apos;s totals differ from the terminal&apos;s. The batch stays open: check the journal with the host&apos;s report before closing it again.</source>
        <translation>Die Summen des Hosts weichen von denen des Terminals ab. Der Stapel bleibt offen: Prüfen Sie das Journal mit dem Bericht des Hosts, bevor Sie ihn erneut abschließen.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::CheckoutController</name>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="20"/>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="22"/>
        <source>Incorrect PIN</source>
        <translation>Falsche PIN</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="24"/>
        <source>Incorrect PIN. Last try!</source>
        <translation>Falsche PIN. Letzter Versuch!</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="26"/>
        <source>PIN OK</source>
        <translation>PIN korrekt</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="28"/>
        <source>PIN blocked</source>
        <translation>PIN gesperrt</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="30"/>
        <source>Asking the bank</source>
        <translation>Anfrage bei der Bank</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="32"/>
        <source>Remove the card</source>
        <translation>Karte entnehmen</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="111"/>
        <source>Pay this amount?</source>
        <translation>Diesen Betrag bezahlen?</translation>
    </message>
    <message>
        <location filename="../app/terminal/CheckoutController.cpp" line="113"/>
        <source>Use this card application?</source>
        <translation>Diese Kartenanwendung verwenden?</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::DiagnosticsController</name>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="39"/>
        <source>Not hexadecimal: %1</source>
        <translation>Nicht hexadezimal: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="42"/>
        <source>Malformed ATR: %1</source>
        <translation>Fehlerhafter ATR: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="50"/>
        <source>No card in this reader.</source>
        <translation>Keine Karte in diesem Leser.</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="58"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="115"/>
        <source>Diagnostics saved to %1</source>
        <translation>Diagnosedaten gespeichert unter %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/DiagnosticsController.cpp" line="116"/>
        <source>Diagnostics not saved: %1</source>
        <translation>Diagnosedaten nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::EmvStepModel</name>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="93"/>
        <source>Select application</source>
        <translation>Anwendung auswählen</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="95"/>
        <source>Read card data</source>
        <translation>Kartendaten lesen</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="97"/>
        <source>Check the card</source>
        <translation>Karte prüfen</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="99"/>
        <source>Verify cardholder</source>
        <translation>Karteninhaber prüfen</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="101"/>
        <source>Card decision</source>
        <translation>Entscheidung der Karte</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="103"/>
        <source>Ask the bank</source>
        <translation>Bank anfragen</translation>
    </message>
    <message>
        <location filename="../app/terminal/EmvStepModel.cpp" line="105"/>
        <source>Complete</source>
        <translation>Abschluss</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::HostLinkAuthorizer</name>
    <message>
        <location filename="../app/terminal/HostLinkAuthorizer.cpp" line="28"/>
        <source>no answer from host</source>
        <translation>keine Antwort vom Host</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::JournalModel</name>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="30"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="32"/>
        <source>declined</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="35"/>
        <source>declined by the card</source>
        <translation>von der Karte abgelehnt</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="36"/>
        <source>approved, not yet advised</source>
        <translation>genehmigt, noch nicht gemeldet</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="37"/>
        <source>approved</source>
        <translation>genehmigt</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="39"/>
        <source>reversed</source>
        <translation>storniert</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="41"/>
        <source>advised</source>
        <translation>gemeldet</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="89"/>
        <source>No journal</source>
        <translation>Kein Journal</translation>
    </message>
    <message>
        <location filename="../app/terminal/JournalModel.cpp" line="127"/>
        <source>(copy from the journal)</source>
        <translation>(Kopie aus dem Journal)</translation>
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
        <translation>Die Menge muss eine ganze Zahl von mindestens 1 sein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="98"/>
        <location filename="../app/terminal/LineItems.cpp" line="131"/>
        <source>The quantity can be at most %1.</source>
        <translation>Die Menge darf höchstens %1 sein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="103"/>
        <source>Type the unit price as an amount such as %1.</source>
        <translation>Geben Sie den Stückpreis als Betrag ein, etwa %1.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="105"/>
        <source>Type the unit price as a whole number.</source>
        <translation>Geben Sie den Stückpreis als ganze Zahl ein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="122"/>
        <source>Type a description for the item.</source>
        <translation>Geben Sie eine Beschreibung für den Artikel ein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="124"/>
        <source>The description can be at most %1 characters.</source>
        <translation>Die Beschreibung darf höchstens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="127"/>
        <source>The description contains a character that cannot be printed.</source>
        <translation>Die Beschreibung enthält ein Zeichen, das nicht gedruckt werden kann.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="133"/>
        <source>The unit price must be more than zero.</source>
        <translation>Der Stückpreis muss größer als null sein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="135"/>
        <source>A sale can have at most %1 items.</source>
        <translation>Ein Verkauf kann höchstens %1 Artikel haben.</translation>
    </message>
    <message>
        <location filename="../app/terminal/LineItems.cpp" line="138"/>
        <source>The total would be more than %1, the most one sale can take.</source>
        <translation>Die Summe wäre höher als %1, der Höchstbetrag eines Verkaufs.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::LinkStatus</name>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="70"/>
        <source>Host link not set up</source>
        <translation>Host-Verbindung nicht eingerichtet</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="72"/>
        <source>Host offline</source>
        <translation>Host offline</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="72"/>
        <source>Host offline: %1</source>
        <translation>Host nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="74"/>
        <source>Connecting to host</source>
        <translation>Verbindung zum Host</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="76"/>
        <source>Host online</source>
        <translation>Host online</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="85"/>
        <source>Echo test running…</source>
        <translation>Echo-Test läuft…</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="97"/>
        <source>Echo answered %1 in %2 ms</source>
        <translation>Echo beantwortet mit %1 in %2 ms</translation>
    </message>
    <message>
        <location filename="../app/terminal/LinkStatus.cpp" line="100"/>
        <source>Echo failed: %1</source>
        <translation>Echo fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::ReaderStatus</name>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="77"/>
        <source>Card service not running</source>
        <translation>Kartendienst läuft nicht</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="79"/>
        <source>No card reader</source>
        <translation>Kein Kartenleser</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="81"/>
        <source>Reader ready, no card</source>
        <translation>Leser bereit, keine Karte</translation>
    </message>
    <message>
        <location filename="../app/terminal/ReaderStatus.cpp" line="83"/>
        <source>Card in reader</source>
        <translation>Karte im Leser</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::Receipt</name>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="31"/>
        <location filename="../app/terminal/Receipt.cpp" line="39"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="115"/>
        <source>MERCHANT COPY</source>
        <translation>HÄNDLERBELEG</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="115"/>
        <source>CUSTOMER COPY</source>
        <translation>KUNDENBELEG</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="127"/>
        <location filename="../app/terminal/Receipt.cpp" line="139"/>
        <source>There is no receipt to save.</source>
        <translation>Es gibt keinen Beleg zum Speichern.</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="130"/>
        <location filename="../app/terminal/Receipt.cpp" line="133"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="143"/>
        <source>Receipt</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="146"/>
        <location filename="../app/terminal/Receipt.cpp" line="160"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="176"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="178"/>
        <source>Merchant</source>
        <translation>Händler</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="180"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="184"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="186"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="188"/>
        <source>Card</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="190"/>
        <source>Application</source>
        <translation>Anwendung</translation>
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
        <translation>Kryptogramm</translation>
    </message>
    <message>
        <location filename="../app/terminal/Receipt.cpp" line="200"/>
        <source>Auth code</source>
        <translation>Autorisierungscode</translation>
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
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::SettingsController</name>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="87"/>
        <source>Enter the host as name:port, for example host.example.com:8583.</source>
        <translation>Geben Sie den Host als Name:Port ein, zum Beispiel host.example.com:8583.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="90"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="92"/>
        <source>Choose TLS, modem or tones.</source>
        <translation>Wählen Sie TLS, Modem oder Töne.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="96"/>
        <source>The terminal ID has 1 to 8 letters or digits.</source>
        <translation>Die Terminal-ID hat 1 bis 8 Buchstaben oder Ziffern.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="98"/>
        <source>Choose English, Hebrew or German.</source>
        <translation>Wählen Sie Englisch, Hebräisch oder Deutsch.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="101"/>
        <source>The receipt header can have at most %1 characters.</source>
        <translation>Der Belegkopf darf höchstens %1 Zeichen haben.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="103"/>
        <source>The receipt header is a single line.</source>
        <translation>Der Belegkopf ist eine einzige Zeile.</translation>
    </message>
    <message>
        <location filename="../app/terminal/SettingsController.cpp" line="105"/>
        <source>No terminal bundle at this path.</source>
        <translation>Unter diesem Pfad liegt kein Terminal-Bundle.</translation>
    </message>
</context>
<context>
    <name>cardlink::terminal::Terminal</name>
    <message>
        <location filename="../app/terminal/Terminal.cpp" line="216"/>
        <source>terminal bundle: %1</source>
        <translation>Terminal-Bundle: %1</translation>
    </message>
    <message>
        <location filename="../app/terminal/Terminal.cpp" line="206"/>
        <source>the journal cannot be opened; no online sales</source>
        <translation>das Journal lässt sich nicht öffnen; keine Online-Zahlungen</translation>
    </message>
</context>
</TS>
