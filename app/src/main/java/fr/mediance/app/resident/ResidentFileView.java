package fr.mediance.app.resident;

import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.resident.ResidentFileViewModel;
import fr.mediance.app.shell.BasicScreen;
import fr.mediance.app.shell.CodeChoices;
import fr.mediance.app.shell.Icons;
import fr.mediance.app.shell.Ui;
import fr.mediance.app.theme.Styles;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.HouseholdMemberDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A resident's file in sections: identity and contact, housing and protection, household, relatives, synthesis
 * and private note, consents and mandate, timeline. Fields save themselves after a pause in the typing.
 */
public final class ResidentFileView extends BasicScreen {
    /** Sections, in order (their ids and message keys). */
    public static final String[] SECTIONS = {
        "identity",
        "case",
        "housing",
        "household",
        "contacts",
        "notes",
        "consents",
        "energy",
        "debts",
        "documents",
        "timeline"
    };

    private final ResidentFileViewModel vm;
    private final ResourceBundle texts;
    private final Consumer<String> openConsent;
    private final Consumer<String> openMandate;
    private final Supplier<Node> documents;
    private final Supplier<Node> energy;
    private Supplier<Node> casework;
    private Supplier<Node> debts;
    private Runnable openBudget;
    private Runnable openAids;
    private Runnable openOverindebtedness;
    private Runnable openPaymentPlans;
    private final VBox householdList = new VBox(6);
    private final VBox contactsList = new VBox(6);
    private final VBox consentsList = new VBox(6);
    private final VBox mandatesList = new VBox(6);
    private final VBox timelineList = new VBox(6);
    /** Below this width the sections' chips scroll sideways in one row. */
    private static final double NARROW = 600;

    public ResidentFileView(
            ResidentFileViewModel vm,
            ResourceBundle texts,
            Consumer<String> openConsent,
            Consumer<String> openMandate) {
        this(vm, texts, openConsent, openMandate, null);
    }

    /** {@code documents} builds the resident's documents list (null: no such section). */
    public ResidentFileView(
            ResidentFileViewModel vm,
            ResourceBundle texts,
            Consumer<String> openConsent,
            Consumer<String> openMandate,
            Supplier<Node> documents) {
        this(vm, texts, openConsent, openMandate, documents, null);
    }

    /**
     * {@code energy} builds the section « Énergie : droits et échéances » with the contracts and unpaid bills (null:
     * no such section).
     */
    public ResidentFileView(
            ResidentFileViewModel vm,
            ResourceBundle texts,
            Consumer<String> openConsent,
            Consumer<String> openMandate,
            Supplier<Node> documents,
            Supplier<Node> energy) {
        super(texts.getString("resident.file.title"));
        this.energy = energy;
        this.vm = vm;
        this.texts = texts;
        this.openConsent = openConsent;
        this.openMandate = openMandate;
        this.documents = documents;
        title.bind(vm.titleProperty().map(t -> t.isBlank() ? texts.getString("resident.file.title") : t));
    }

    /** {@code casework} builds the "Accompagnement" section (the resident's case and requests). */
    public ResidentFileView withCasework(Supplier<Node> casework) {
        this.casework = casework;
        return this;
    }

    /** Adds the section « Dettes », every debt of the household, after the energy section. */
    public ResidentFileView withDebts(Supplier<Node> debts) {
        this.debts = debts;
        return this;
    }

    /** Shows a « Budget » button in the file's header that opens the household's budget sheet. */
    private Runnable export;

    public void setOnBudget(Runnable openBudget) {
        this.openBudget = openBudget;
    }

    /** Shows a « Surendettement » button in the file's header that opens the household's Banque de France file. */
    public void setOnOverindebtedness(Runnable openOverindebtedness) {
        this.openOverindebtedness = openOverindebtedness;
    }

    /** Shows an « Échéanciers » button in the file's header that opens the household's payment plans. */
    public void setOnPaymentPlans(Runnable openPaymentPlans) {
        this.openPaymentPlans = openPaymentPlans;
    }

    private Runnable nextAppointment;

    /** Shows « Prochain rendez-vous » in the file's header (a counsellor plans her next appointment). */
    public void setOnNextAppointment(Runnable nextAppointment) {
        this.nextAppointment = nextAppointment;
    }

    /** Shows « Exporter ses données (RGPD) » in the file's header (office, coordination, admin). */
    public void setOnExport(Runnable export) {
        this.export = export;
    }

    /** Shows an « Aides » button in the file's header that opens the household's aid applications. */
    public void setOnAids(Runnable openAids) {
        this.openAids = openAids;
    }

    @Override
    protected Node build() {
        Label name = Ui.bound(vm.titleProperty(), Styles.SCREEN_TITLE);
        name.setId("resident-file-name");
        Label subtitle = Ui.bound(vm.subtitleProperty(), Styles.MUTED);
        Label saved = Ui.bound(vm.saveStatusProperty(), Styles.HINT);
        saved.setId("resident-save-status");
        Label protection = Ui.bound(vm.protectionProperty(), Styles.REMINDER);
        protection.setId("resident-protection");
        protection.setGraphic(Icons.of(Material2AL.GAVEL));
        Ui.hideWhenBlank(protection);
        VBox header = new VBox(4, name, subtitle, saved, protection);
        FlowPane money = new FlowPane(8, 8);
        if (nextAppointment != null) {
            Button next = Ui.button(texts.getString("nextAppointment.open"), Material2AL.EVENT, Styles.PRIMARY);
            next.setId("resident-next-appointment");
            next.setMinHeight(44);
            next.setOnAction(e -> nextAppointment.run());
            money.getChildren().add(next);
        }
        if (openBudget != null) {
            Button budget =
                    Ui.button(texts.getString("budget.open"), Material2AL.ACCOUNT_BALANCE_WALLET, Styles.SECONDARY);
            budget.setId("resident-open-budget");
            budget.setMinHeight(44);
            budget.setOnAction(e -> openBudget.run());
            money.getChildren().add(budget);
        }
        if (openAids != null) {
            Button aids = Ui.button(texts.getString("aid.open"), Material2MZ.REQUEST_QUOTE, Styles.SECONDARY);
            aids.setId("resident-open-aids");
            aids.setMinHeight(44);
            aids.setOnAction(e -> openAids.run());
            money.getChildren().add(aids);
        }
        if (openOverindebtedness != null) {
            Button bdf =
                    Ui.button(texts.getString("overindebtedness.open"), Material2AL.ACCOUNT_BALANCE, Styles.SECONDARY);
            bdf.setId("resident-open-overindebtedness");
            bdf.setMinHeight(44);
            bdf.setOnAction(e -> openOverindebtedness.run());
            money.getChildren().add(bdf);
        }
        if (openPaymentPlans != null) {
            Button plans = Ui.button(texts.getString("plan.open"), Material2AL.EVENT_NOTE, Styles.SECONDARY);
            plans.setId("resident-open-plans");
            plans.setMinHeight(44);
            plans.setOnAction(e -> openPaymentPlans.run());
            money.getChildren().add(plans);
        }
        if (export != null) {
            Button exportButton =
                    Ui.button(texts.getString("export.action"), Material2AL.CLOUD_DOWNLOAD, Styles.SECONDARY);
            exportButton.setId("resident-export");
            exportButton.setMinHeight(44);
            exportButton.setOnAction(e -> export.run());
            money.getChildren().add(exportButton);
        }
        if (!money.getChildren().isEmpty()) {
            header.getChildren().add(money);
        }

        Map<String, Node> sections = new LinkedHashMap<>();
        sections.put("identity", identity());
        if (casework != null) {
            sections.put("case", casework.get());
        }
        sections.put("housing", housing());
        sections.put("household", household());
        sections.put("contacts", contacts());
        sections.put("notes", notes());
        sections.put("consents", consents());
        if (energy != null) {
            sections.put("energy", energy.get());
        }
        if (debts != null) {
            sections.put("debts", debts.get());
        }
        if (documents != null) {
            sections.put(
                    "documents",
                    Ui.card(
                            Ui.label(texts.getString("resident.section.documents"), Styles.SECTION_TITLE),
                            documents.get()));
        }
        sections.put("timeline", timeline());

        FlowPane tabs = new FlowPane(8, 8);
        tabs.setId("resident-tabs");
        ToggleGroup group = new ToggleGroup();
        VBox content = new VBox();
        Map<String, Ikon> icons = Map.ofEntries(
                Map.entry("identity", Material2AL.ASSIGNMENT_IND),
                Map.entry("case", Material2AL.ASSIGNMENT),
                Map.entry("housing", Material2AL.HOME),
                Map.entry("household", Material2AL.FAMILY_RESTROOM),
                Map.entry("contacts", Material2AL.CONTACT_PHONE),
                Map.entry("notes", Material2MZ.NOTE),
                Map.entry("consents", Material2MZ.VERIFIED_USER),
                Map.entry("energy", Material2AL.ELECTRICAL_SERVICES),
                Map.entry("debts", Material2MZ.RECEIPT),
                Map.entry("documents", Material2AL.DESCRIPTION),
                Map.entry("timeline", Material2AL.HISTORY));
        for (String s : SECTIONS) {
            if (!sections.containsKey(s)) {
                continue;
            }
            ToggleButton tab = new ToggleButton(texts.getString("resident.section." + s), Icons.of(icons.get(s)));
            tab.setId("resident-tab-" + s);
            tab.setUserData(s);
            tab.setToggleGroup(group);
            tab.setMinHeight(44);
            tab.setMnemonicParsing(false);
            tab.getStyleClass().add(Styles.CHIP);
            tabs.getChildren().add(tab);
        }
        group.selectedToggleProperty().addListener((o, old, t) -> {
            if (t == null) {
                group.selectToggle(old);
                return;
            }
            content.getChildren().setAll(sections.get((String) t.getUserData()));
        });
        group.selectToggle(group.getToggles().get(0));
        // On a phone the sections are one row that scrolls sideways, so that the file starts on the first screen;
        // wider, they wrap.
        HBox row = new HBox(8);
        ScrollPane scroller = new ScrollPane(row);
        scroller.setId("resident-tabs-scroll");
        scroller.setFitToHeight(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPannable(true);
        scroller.getStyleClass().add("edge-to-edge");
        VBox page = new VBox(14, header, tabs, content);
        page.widthProperty().addListener((o, old, w) -> {
            boolean narrow = w.doubleValue() > 0 && w.doubleValue() < NARROW;
            Node wanted = narrow ? scroller : tabs;
            if (page.getChildren().get(1) != wanted) {
                List<Node> chips = new ArrayList<>(narrow ? tabs.getChildren() : row.getChildren());
                (narrow ? tabs.getChildren() : row.getChildren()).clear();
                (narrow ? row.getChildren() : tabs.getChildren()).setAll(chips);
                page.getChildren().set(1, wanted);
            }
        });
        return Ui.page(page);
    }

    // ----- sections

    private Node identity() {
        CheckBox noPhone = check("noPhone", "resident.field.noPhone");
        noPhone.selectedProperty().bindBidirectional(vm.noPhoneProperty());
        CheckBox interpreter = check("interpreterNeeded", "resident.field.interpreterNeeded");
        interpreter.selectedProperty().bindBidirectional(vm.interpreterNeededProperty());
        ComboBox<UserItem> referent = new ComboBox<>(vm.referents());
        referent.setId("resident-referentId");
        referent.setCellFactory(l -> CodeChoices.cell(UserItem::name));
        referent.setButtonCell(CodeChoices.cell(UserItem::name));
        referent.setMinHeight(44);
        Runnable showReferent = () -> referent.setValue(vm.referents().stream()
                .filter(u -> u.id().equals(vm.referentIdProperty().get()))
                .findFirst()
                .orElse(null));
        vm.referentIdProperty().addListener((o, a, b) -> showReferent.run());
        vm.referents().addListener((ListChangeListener<UserItem>) c -> showReferent.run());
        showReferent.run();
        referent.valueProperty().addListener((o, a, u) -> {
            if (u != null && !u.id().equals(vm.referentIdProperty().get())) {
                vm.referentIdProperty().set(u.id());
            }
        });
        return Ui.card(
                Ui.row(text("civility"), text("lastName"), text("firstName")),
                Ui.row(text("birthName"), dateField("birthDate"), codeField("status")),
                Ui.label(texts.getString("resident.group.contact"), Styles.SECTION_TITLE),
                Ui.row(text("phone"), text("email")),
                noPhone,
                Ui.row(text("preferredContactTime"), text("language")),
                interpreter,
                Ui.label(texts.getString("resident.group.address"), Styles.SECTION_TITLE),
                text("street"),
                Ui.row(text("postcode"), text("city")),
                area("accessNotes", 2),
                Ui.row(
                        codeField("mobilityReason"),
                        Ui.field(texts.getString("resident.field.referentId"), referent, null)));
    }

    private Node housing() {
        CheckBox main = check("mainResidence", "resident.field.mainResidence");
        main.setAllowIndeterminate(false);
        main.setSelected(Boolean.TRUE.equals(vm.mainResidenceProperty().get()));
        vm.mainResidenceProperty().addListener((o, a, b) -> main.setSelected(Boolean.TRUE.equals(b)));
        main.selectedProperty().addListener((o, a, b) -> {
            if (!Boolean.valueOf(b).equals(vm.mainResidenceProperty().get())) {
                vm.mainResidenceProperty().set(b);
            }
        });
        return Ui.card(
                Ui.label(texts.getString("resident.group.housing"), Styles.SECTION_TITLE),
                Ui.row(codeField("accommodationMode"), text("landlord")),
                main,
                codeField("socioProfessional"),
                Ui.label(texts.getString("resident.group.protection"), Styles.SECTION_TITLE),
                Ui.label(texts.getString("resident.protection.hint"), Styles.HINT),
                Ui.row(codeField("legalProtection"), text("legalRepresentative")),
                Ui.label(texts.getString("resident.group.orientation"), Styles.SECTION_TITLE),
                Ui.row(codeField("orientationIn"), text("orientingPartner")));
    }

    private Node household() {
        householdList.setId("resident-household");
        vm.household().addListener((ListChangeListener<HouseholdMemberDto>) c -> renderHousehold());
        vm.householdRoles().addListener((ListChangeListener<CodeItem>) c -> renderHousehold());
        renderHousehold();
        ComboBox<CodeItem> role = codeCombo("memberRole", vm.householdRoles(), vm.memberRoleProperty());
        TextField first = bound(new TextField(), "memberFirstName", vm.memberFirstNameProperty());
        TextField year = bound(new TextField(), "memberBirthYear", vm.memberBirthYearProperty());
        year.setPromptText(texts.getString("resident.member.birthYear.prompt"));
        Button add = Ui.button(texts.getString("resident.member.add"), Material2MZ.PERSON_ADD, Styles.SECONDARY);
        add.setId("resident-member-add");
        add.setMinHeight(44);
        add.setOnAction(e -> vm.addMember());
        Label error = errorLine("member");
        return Ui.card(
                Ui.label(texts.getString("resident.section.household"), Styles.SECTION_TITLE),
                Ui.label(texts.getString("resident.member.hint"), Styles.HINT),
                householdList,
                Ui.row(
                        Ui.field(texts.getString("resident.member.role"), role, null),
                        Ui.field(texts.getString("resident.member.firstName"), first, null),
                        Ui.field(texts.getString("resident.member.birthYear"), year, null)),
                error,
                add);
    }

    private void renderHousehold() {
        householdList.getChildren().clear();
        if (vm.household().isEmpty()) {
            householdList.getChildren().add(Ui.label(texts.getString("resident.household.empty"), Styles.MUTED));
        }
        for (HouseholdMemberDto m : vm.household()) {
            householdList
                    .getChildren()
                    .add(removableLine(
                            "resident-member-" + m.id(), vm.memberLine(m), null, () -> vm.removeMember(m.id())));
        }
    }

    private Node contacts() {
        contactsList.setId("resident-contacts");
        vm.contacts().addListener((ListChangeListener<ContactPersonDto>) c -> renderContacts());
        renderContacts();
        TextField name = bound(new TextField(), "contactName", vm.contactNameProperty());
        TextField link = bound(new TextField(), "contactLink", vm.contactLinkProperty());
        link.setPromptText(texts.getString("resident.contact.link.prompt"));
        TextField phone = bound(new TextField(), "contactPhone", vm.contactPhoneProperty());
        CheckBox caregiver = check("contactCaregiver", "resident.contact.caregiver");
        caregiver.selectedProperty().bindBidirectional(vm.contactCaregiverProperty());
        CheckBox livesIn = check("contactLivesIn", "resident.contact.livesIn");
        livesIn.selectedProperty().bindBidirectional(vm.contactLivesInProperty());
        Button add = Ui.button(texts.getString("resident.contact.add"), Material2MZ.PERSON_ADD, Styles.SECONDARY);
        add.setId("resident-contact-add");
        add.setMinHeight(44);
        add.setOnAction(e -> vm.addContact());
        return Ui.card(
                Ui.label(texts.getString("resident.section.contacts"), Styles.SECTION_TITLE),
                contactsList,
                Ui.row(
                        Ui.field(texts.getString("resident.contact.name"), name, null),
                        Ui.field(texts.getString("resident.contact.link"), link, null),
                        Ui.field(texts.getString("resident.contact.phone"), phone, null)),
                new HBox(16, caregiver, livesIn),
                errorLine("contact"),
                add);
    }

    private void renderContacts() {
        contactsList.getChildren().clear();
        if (vm.contacts().isEmpty()) {
            contactsList.getChildren().add(Ui.label(texts.getString("resident.contacts.empty"), Styles.MUTED));
        }
        for (ContactPersonDto c : vm.contacts()) {
            contactsList
                    .getChildren()
                    .add(removableLine(
                            "resident-contact-" + c.id(), c.name(), vm.contactLine(c), () -> vm.removeContact(c.id())));
        }
    }

    private Node notes() {
        Label reminder = Ui.label(vm.factualReminder(), Styles.REMINDER);
        reminder.setId("resident-notes-reminder");
        reminder.setGraphic(Icons.of(Material2AL.INFO));
        TextArea note = new TextArea();
        note.setId("resident-privateNote");
        note.setWrapText(true);
        note.setPrefRowCount(5);
        note.textProperty().bindBidirectional(vm.privateNoteProperty());
        VBox noteField = Ui.field(
                texts.getString("resident.field.privateNote"),
                note,
                vm.errorProperty(ResidentFileViewModel.PRIVATE_NOTE));
        noteField.getChildren().add(Ui.label(texts.getString("resident.privateNote.hint"), Styles.HINT));
        return Ui.card(reminder, area("synthesis", 8), noteField);
    }

    private Node consents() {
        consentsList.setId("resident-consents");
        mandatesList.setId("resident-mandates");
        vm.consentRows().addListener((ListChangeListener<ResidentFileViewModel.ConsentRow>) c -> renderConsents());
        vm.mandateRows().addListener((ListChangeListener<ResidentFileViewModel.MandateRow>) c -> renderMandates());
        renderConsents();
        renderMandates();
        Button consent =
                Ui.button(texts.getString("resident.consent.open"), Material2MZ.VERIFIED_USER, Styles.SECONDARY);
        consent.setId("resident-consent-open");
        consent.setMinHeight(44);
        consent.setOnAction(e -> openConsent.accept(vm.residentId()));
        Button mandate = Ui.button(texts.getString("resident.mandate.open"), Material2AL.GESTURE, Styles.PRIMARY);
        mandate.setId("resident-mandate-open");
        mandate.setMinHeight(44);
        mandate.setOnAction(e -> openMandate.accept(vm.residentId()));
        Label blocked = Ui.bound(vm.protectionProperty(), Styles.REMINDER);
        blocked.setGraphic(Icons.of(Material2AL.GAVEL));
        Ui.hideWhenBlank(blocked);
        mandate.visibleProperty().bind(blocked.visibleProperty().not());
        mandate.managedProperty().bind(mandate.visibleProperty());
        return new VBox(
                16,
                Ui.card(
                        Ui.label(texts.getString("resident.consents.title"), Styles.SECTION_TITLE),
                        consentsList,
                        consent),
                Ui.card(
                        Ui.label(texts.getString("resident.mandates.title"), Styles.SECTION_TITLE),
                        mandatesList,
                        blocked,
                        mandate));
    }

    private void renderConsents() {
        consentsList.getChildren().clear();
        if (vm.consentRows().isEmpty()) {
            consentsList.getChildren().add(Ui.label(texts.getString("resident.consents.empty"), Styles.MUTED));
        }
        for (ResidentFileViewModel.ConsentRow c : vm.consentRows()) {
            Runnable withdraw = c.active() ? () -> vm.withdrawConsent(c.consentId()) : null;
            consentsList
                    .getChildren()
                    .add(actionLine(
                            "resident-consent-" + c.consentId(),
                            c.title(),
                            c.detail(),
                            null,
                            texts.getString("resident.consent.withdraw"),
                            withdraw));
        }
    }

    private void renderMandates() {
        mandatesList.getChildren().clear();
        if (vm.mandateRows().isEmpty()) {
            mandatesList.getChildren().add(Ui.label(texts.getString("resident.mandates.empty"), Styles.MUTED));
        }
        for (ResidentFileViewModel.MandateRow m : vm.mandateRows()) {
            Runnable revoke = m.active() ? () -> vm.revokeMandate(m.mandateId()) : null;
            mandatesList
                    .getChildren()
                    .add(actionLine(
                            "resident-mandate-" + m.mandateId(),
                            m.title(),
                            m.detail(),
                            m.state(),
                            texts.getString("resident.mandate.revoke"),
                            revoke));
        }
    }

    private Node timeline() {
        timelineList.setId("resident-timeline");
        vm.timeline().addListener((ListChangeListener<ResidentFileViewModel.TimelineRow>) c -> renderTimeline());
        renderTimeline();
        return Ui.card(Ui.label(texts.getString("resident.section.timeline"), Styles.SECTION_TITLE), timelineList);
    }

    private void renderTimeline() {
        timelineList.getChildren().clear();
        if (vm.timeline().isEmpty()) {
            timelineList.getChildren().add(Ui.label(texts.getString("resident.timeline.empty"), Styles.MUTED));
        }
        for (ResidentFileViewModel.TimelineRow row : vm.timeline()) {
            Label date = Ui.label(row.date(), Styles.ITEM_TIME);
            Label summary = Ui.label(row.summary(), Styles.ITEM_TITLE);
            VBox text = new VBox(2, date, summary);
            for (String d : row.details()) {
                text.getChildren().add(Ui.label("• " + d, Styles.MUTED, Styles.SMALL));
            }
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(12, Icons.of(icon(row.kind())), text);
            line.setAlignment(Pos.TOP_LEFT);
            line.getStyleClass().add(Styles.LIST_ITEM);
            timelineList.getChildren().add(line);
        }
    }

    private static Ikon icon(String kind) {
        return switch (kind) {
            case "appointment" -> Material2AL.EVENT;
            case "contact" -> Material2AL.CHAT;
            case "document" -> Material2AL.DESCRIPTION;
            case "consent" -> Material2MZ.VERIFIED_USER;
            case "mandate" -> Material2AL.GESTURE;
            default -> Material2AL.ALARM_ON;
        };
    }

    // ----- building blocks

    private VBox text(String field) {
        TextField f = bound(new TextField(), field, vm.field(field));
        return Ui.field(texts.getString("resident.field." + field), f, vm.errorProperty(field));
    }

    private VBox dateField(String field) {
        TextField f = bound(new TextField(), field, vm.field(field));
        f.setPromptText(texts.getString("resident.date.prompt"));
        return Ui.field(texts.getString("resident.field." + field), f, vm.errorProperty(field));
    }

    private VBox area(String field, int rows) {
        TextArea a = new TextArea();
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        bound(a, field, vm.field(field));
        return Ui.field(texts.getString("resident.field." + field), a, vm.errorProperty(field));
    }

    private <T extends TextInputControl> T bound(T control, String id, javafx.beans.property.StringProperty p) {
        control.setId("resident-" + id);
        control.textProperty().bindBidirectional(p);
        control.setMinHeight(44);
        return control;
    }

    private CheckBox check(String id, String key) {
        CheckBox c = new CheckBox(texts.getString(key));
        c.setId("resident-" + id);
        c.setMinHeight(44);
        c.setWrapText(true);
        c.setMnemonicParsing(false);
        return c;
    }

    private VBox codeField(String field) {
        ComboBox<CodeItem> combo = codeCombo(field, vm.choices(field), vm.code(field));
        return Ui.field(texts.getString("resident.field." + field), combo, vm.errorProperty(field));
    }

    private ComboBox<CodeItem> codeCombo(String id, ObservableList<CodeItem> items, ObjectProperty<String> code) {
        ComboBox<CodeItem> combo = CodeChoices.combo("resident-" + id, items, code);
        combo.setMinHeight(44);
        return combo;
    }

    private Label errorLine(String field) {
        Label l = Ui.bound(vm.errorProperty(field), Styles.FIELD_ERROR);
        l.setId("resident-" + field + "-error");
        Ui.hideWhenBlank(l);
        return l;
    }

    private HBox removableLine(String id, String title, String detail, Runnable remove) {
        return actionLine(id, title, detail, null, texts.getString("resident.remove"), remove);
    }

    private HBox actionLine(String id, String title, String detail, String state, String actionText, Runnable action) {
        VBox text = new VBox(2, Ui.label(title, Styles.ITEM_TITLE));
        if (detail != null && !detail.isEmpty()) {
            text.getChildren().add(Ui.label(detail, Styles.MUTED, Styles.SMALL));
        }
        if (state != null) {
            Label s = new Label(state);
            s.getStyleClass().addAll(Styles.STATUS, action != null ? Styles.STATUS_DONE : Styles.STATUS_CANCELLED);
            s.setId(id + "-state");
            text.getChildren().add(s);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox line = new HBox(10, text);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add(Styles.LIST_ITEM);
        line.setId(id);
        if (action != null) {
            Button b = new Button(actionText);
            b.setId(id + "-action");
            b.setMinHeight(44);
            b.setMnemonicParsing(false);
            b.getStyleClass().add(Styles.SECONDARY);
            b.setOnAction(e -> action.run());
            line.getChildren().add(b);
        }
        return line;
    }

    @Override
    public void onHide() {
        vm.flush();
    }

    @Override
    public void onShow() {
        vm.refresh();
    }
}
