// A cart kept as a mutable list in the session: appending in place needs `session.modified = True`,
// exactly the Django pitfall the panel can show.
import { html } from '../html.ts';
import { page, redirect, type DemoRequest } from '../context.ts';
import type { CompanionResponse } from '../../types.ts';
import type { PyValue } from '../../py/value.ts';

export const PRODUCTS = [
  { sku: 'espresso', name: 'Espresso beans, 250 g', cents: 1250 },
  { sku: 'oat-milk', name: 'Oat milk', cents: 290 },
  { sku: 'mug', name: 'Ceramic mug', cents: 1800 },
  { sku: 'kettle', name: 'Pour-over kettle', cents: 4900 },
];
const price = (cents: number): string => `€${(cents / 100).toFixed(2)}`;

async function cartItems(d: DemoRequest): Promise<string[]> {
  const cart = await d.session.get('cart', []);
  return Array.isArray(cart) ? cart.filter((x): x is string => typeof x === 'string') : [];
}

export async function showCart(d: DemoRequest): Promise<CompanionResponse> {
  const items = await cartItems(d);
  const counts = PRODUCTS.map((p) => ({ ...p, qty: items.filter((s) => s === p.sku).length })).filter((p) => p.qty > 0);
  const total = counts.reduce((sum, p) => sum + p.qty * p.cents, 0);
  const shop = PRODUCTS.map((p) => html`<tr><td>${p.name}</td><td class="num">${price(p.cents)}</td><td class="num">
<form method="post" action="/demo/cart" class="inline"><input type="hidden" name="action" value="add"><input type="hidden" name="sku" value="${p.sku}">
<button class="small" data-testid="add-${p.sku}">Add</button></form></td></tr>`);
  const lines = counts.map((p) => html`<tr data-testid="cart-line-${p.sku}"><td>${p.name}</td><td class="num" data-testid="cart-qty-${p.sku}">${p.qty}</td>
<td class="num"><form method="post" action="/demo/cart" class="inline"><input type="hidden" name="action" value="remove"><input type="hidden" name="sku" value="${p.sku}">
<button class="small secondary" data-testid="remove-${p.sku}">Remove one</button></form></td></tr>`);
  return page(d, 'Cart', 'cart', html`<h1>Cart</h1><p class="lead">Stored as a list in <code>request.session["cart"]</code>.</p>
<div class="card"><table>${shop}</table></div>
<div class="card" data-testid="cart" data-count="${items.length}"><h2>Your cart</h2>
${counts.length ? html`<table>${lines}<tr><th>Total</th><th class="num" colspan="2" data-testid="cart-total">${price(total)}</th></tr></table>
<form method="post" action="/demo/cart" class="actions"><input type="hidden" name="action" value="clear"><button class="secondary" data-testid="cart-clear">Empty cart</button></form>`
    : html`<p data-testid="cart-empty">Your cart is empty.</p>`}</div>`);
}

export async function updateCart(d: DemoRequest): Promise<CompanionResponse> {
  const action = d.form.get('action');
  const sku = d.form.get('sku') ?? '';
  const product = PRODUCTS.find((p) => p.sku === sku);
  if (action === 'clear') {
    await d.session.pop('cart', null);
    d.flash.add('info', 'Cart emptied.');
    return redirect('/demo/cart');
  }
  if ((action !== 'add' && action !== 'remove') || !product) {
    d.flash.add('error', 'Unknown cart action.');
    return redirect('/demo/cart');
  }
  let cart = await d.session.get('cart');
  if (!Array.isArray(cart)) {
    cart = [] as PyValue[];
    await d.session.setItem('cart', cart);
  }
  if (action === 'add') cart.push(sku);
  else if (cart.includes(sku)) cart.splice(cart.lastIndexOf(sku), 1);
  d.session.modified = true; // an in-place mutation is invisible to the session: say so explicitly
  d.flash.add('success', action === 'add' ? `Added ${product.name}.` : `Removed one ${product.name}.`);
  return redirect('/demo/cart');
}
