// Pointer positions on the allocator's canvases in layout units (CSS pixels of the layout). A
// canvas narrower than its layout (max-width: 100% on a phone) is scaled down by CSS with its
// aspect ratio kept, so client pixels are scaled back before hit-testing.

export function canvasPoint(canvas: HTMLCanvasElement, layoutWidth: number, event: MouseEvent): [number, number] {
  const box = canvas.getBoundingClientRect();
  const k = box.width > 0 ? layoutWidth / box.width : 1;
  return [(event.clientX - box.left) * k, (event.clientY - box.top) * k];
}
