package fr.mediance.app.document;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.core.document.DocumentFormViewModel;
import fr.mediance.app.core.document.DocumentsViewModel;
import fr.mediance.app.shell.Screen;

/**
 * Builds the documents' screens for the composition root and the other features: a resident's (or a report's)
 * documents list to embed, the viewer with zoom, and the description form shown after a photo is taken.
 */
public final class DocumentScreens {
    private final ScreenContext ctx;

    public DocumentScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    private DocumentsViewModel listModel() {
        DocumentsViewModel vm = new DocumentsViewModel(
                ctx.core().documents(),
                ctx.core().reference(),
                ctx.core().sync(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnView(this::view);
        vm.setOnDescribe(id -> describe(id, vm::refresh));
        ctx.onDispose().accept(vm::dispose);
        return vm;
    }

    /** A resident's documents (every contact), as a node to put in the resident's file. */
    public DocumentsView residentDocuments(String residentId) {
        DocumentsViewModel vm = listModel();
        vm.showResident(residentId);
        return new DocumentsView(vm, ctx.texts());
    }

    /** The documents of one report, as a node to put in the visit screen. */
    public DocumentsView reportDocuments(String reportId) {
        DocumentsViewModel vm = listModel();
        vm.showReport(reportId);
        return new DocumentsView(vm, ctx.texts());
    }

    /** Opens the viewer of a document held on this device. */
    public Screen view(String documentId) {
        DocumentsViewModel vm = new DocumentsViewModel(
                ctx.core().documents(),
                ctx.core().reference(),
                null,
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        DocumentViewerView screen = new DocumentViewerView(vm, documentId, ctx.texts());
        ctx.shell().navigator().push(screen);
        return screen;
    }

    /**
     * Opens "Décrire le document" for a photo just taken (of a draft); goes back and runs {@code afterSave}
     * once saved.
     */
    public Screen describe(String documentId, Runnable afterSave) {
        DocumentFormViewModel vm = new DocumentFormViewModel(
                ctx.core().documents(),
                ctx.core().reference(),
                ctx.clock(),
                ctx.zone(),
                ctx.texts(),
                ctx.background(),
                ctx.fx());
        vm.setOnMessage(ctx.shell()::showMessage);
        vm.setOnSaved(() -> {
            ctx.shell().navigator().back();
            afterSave.run();
        });
        DocumentFormView screen = new DocumentFormView(vm, ctx.texts());
        ctx.shell().navigator().push(screen);
        vm.load(documentId);
        return screen;
    }
}
